using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;

namespace Goroutines.Workbook;

/// <summary>
/// Writes a Scrubber as one self-contained piece of HTML: frame 0 drawn inline (so it shows even without
/// scripts), every frame's SVG in a JSON script block, a range input, a play button, and a short inline
/// script that swaps frames on 'input'. A page URL with ?frame=N opens every scrubber on it at frame N.
/// </summary>
internal static class ScrubberHtml
{
    // Makes each scrubber's element id unique within a kernel session or a page.
    private static int counter;

    /// <summary>Milliseconds between frames while playing.</summary>
    public const int PlayIntervalMs = 400;

    // The frames as a JSON array of strings; "</" is written "<\/" (the same string in JSON) so no frame can close the script block.
    private static string FramesJson(string[] frames) =>
        JsonSerializer.Serialize(frames, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Replace("</", "<\\/", StringComparison.Ordinal);

    public static string Render(Scrubber scrubber)
    {
        var id = $"goroutines-scrubber-{Interlocked.Increment(ref counter)}-{Environment.ProcessId}";
        var frames = scrubber.Frames.Select(f => GmpSvg.Render(f.Snapshot, f.Title, f.StepReasons, withStyle: false)).ToArray();
        var last = frames.Length - 1;
        var html = new StringBuilder();
        html.Append($"<div class=\"goroutines-scrubber\" id=\"{id}\" data-frames=\"{frames.Length}\" data-frame=\"0\">\n");
        html.Append("<style>").Append(GmpSvg.Css).Append("</style>\n");
        html.Append("<div class=\"scrubber-controls\" style=\"display:flex;gap:10px;align-items:center;margin:4px 0;max-width:900px\">");
        html.Append("<button type=\"button\" class=\"scrubber-play\" aria-label=\"play the steps one after another\">▶ play</button>");
        html.Append($"<input type=\"range\" class=\"scrubber-slider\" min=\"0\" max=\"{last}\" value=\"0\" step=\"1\" aria-label=\"step of the run\" style=\"flex:1\"{(last == 0 ? " disabled" : "")}>");
        html.Append($"<span class=\"scrubber-where\" style=\"font-family:monospace;min-width:9em\">step 0 of {last}</span></div>\n");
        html.Append("<div class=\"scrubber-frame\" style=\"overflow-x:auto;max-width:100%\">").Append(frames.Length > 0 ? frames[0] : "").Append("</div>\n");
        html.Append("<p class=\"goroutines-caption\" style=\"margin:4px 0 12px 0;font-style:italic\">").Append(WebUtility.HtmlEncode(scrubber.Caption)).Append("</p>\n");
        html.Append("<script type=\"application/json\" class=\"scrubber-frames\">").Append(FramesJson(frames)).Append("</script>\n");
        html.Append("<script>\n(function () {\n");
        html.Append($"  var root = document.getElementById(\"{id}\");\n");
        html.Append("""
              if (!root) return;
              var frames = JSON.parse(root.querySelector("script.scrubber-frames").textContent);
              var slider = root.querySelector("input.scrubber-slider");
              var view = root.querySelector("div.scrubber-frame");
              var where = root.querySelector("span.scrubber-where");
              var play = root.querySelector("button.scrubber-play");
              var timer = null;
              function show(i) {
                i = Math.max(0, Math.min(frames.length - 1, i | 0));
                view.innerHTML = frames[i];
                slider.value = String(i);
                root.setAttribute("data-frame", String(i));
                where.textContent = "step " + i + " of " + (frames.length - 1);
              }
              function stop() { if (timer) { clearInterval(timer); timer = null; } play.textContent = "▶ play"; }
              slider.addEventListener("input", function () { stop(); show(Number(slider.value)); });
              play.addEventListener("click", function () {
                if (timer) { stop(); return; }
                if (Number(slider.value) >= frames.length - 1) show(0);
                play.textContent = "❚❚ pause";
                timer = setInterval(function () {
                  var next = Number(slider.value) + 1;
                  if (next >= frames.length) { stop(); return; }
                  show(next);
            """);
        html.Append($"    }}, {PlayIntervalMs});\n");
        html.Append("""
              });
              var asked = /[?&]frame=(\d+)/.exec(window.location.search || "");
              if (asked) show(Number(asked[1]));
            })();
            </script>
            </div>
            """);
        return html.ToString();
    }
}
