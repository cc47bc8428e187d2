using System.Buffers.Binary;
using System.IO.Compression;

namespace Notebooks.Tests.Support;

/// <summary>A decoded 8-bit PNG (grey, RGB or RGBA, not interlaced) — what Chromium writes for screenshots.</summary>
public sealed class PngImage
{
    private readonly byte[] _pixels; // RGB, 3 bytes per pixel

    private PngImage(int width, int height, byte[] pixels)
    {
        Width = width;
        Height = height;
        _pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }

    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            var i = (y * Width + x) * 3;
            return (_pixels[i], _pixels[i + 1], _pixels[i + 2]);
        }
    }

    /// <summary>Pixels that are not (nearly) white.</summary>
    public int CountNonWhite() => CountWhere((r, g, b) => r < 245 || g < 245 || b < 245);

    /// <summary>Pixels that are clearly coloured (not grey text or lines): what a chart's bars and lines are.</summary>
    public int CountColoured() => CountWhere((r, g, b) => Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) > 60);

    /// <summary>Pixels that differ from the same pixel of <paramref name="other"/> (compared over the common area).</summary>
    public int CountDifferent(PngImage other)
    {
        var count = 0;
        for (var y = 0; y < Math.Min(Height, other.Height); y++)
        for (var x = 0; x < Math.Min(Width, other.Width); x++)
        {
            var (r1, g1, b1) = this[x, y];
            var (r2, g2, b2) = other[x, y];
            if (Math.Abs(r1 - r2) + Math.Abs(g1 - g2) + Math.Abs(b1 - b2) > 30) count++;
        }
        return count;
    }

    private int CountWhere(Func<byte, byte, byte, bool> predicate)
    {
        var count = 0;
        for (var i = 0; i < _pixels.Length; i += 3)
            if (predicate(_pixels[i], _pixels[i + 1], _pixels[i + 2])) count++;
        return count;
    }

    public static PngImage Load(string path)
    {
        var data = File.ReadAllBytes(path);
        ReadOnlySpan<byte> signature = [137, 80, 78, 71, 13, 10, 26, 10];
        if (!data.AsSpan(0, 8).SequenceEqual(signature))
            throw new InvalidDataException($"{path} is not a PNG file.");
        int width = 0, height = 0, colourType = 0;
        using var idat = new MemoryStream();
        var at = 8;
        while (at + 8 <= data.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(data, at + 4, 4);
            var body = data.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(body);
                    height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                    var depth = body[8];
                    colourType = body[9];
                    if (depth != 8 || body[12] != 0 || colourType is not (0 or 2 or 4 or 6))
                        throw new InvalidDataException($"{path}: only 8-bit, non-interlaced grey/RGB/RGBA PNGs are supported (depth {depth}, colour type {colourType}).");
                    break;
                case "IDAT":
                    idat.Write(body);
                    break;
            }
            at += 12 + length;
            if (type == "IEND") break;
        }

        var channels = colourType switch { 0 => 1, 4 => 2, 2 => 3, _ => 4 };
        var stride = width * channels;
        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new byte[(stride + 1) * height];
        inflater.ReadExactly(raw);

        var previous = new byte[stride];
        var current = new byte[stride];
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            var row = raw.AsSpan(y * (stride + 1), stride + 1);
            var filter = row[0];
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? current[i - channels] : 0;
                int b = previous[i];
                int c = i >= channels ? previous[i - channels] : 0;
                current[i] = (byte)(row[i + 1] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"{path}: unknown PNG filter {filter}."),
                });
            }
            for (var x = 0; x < width; x++)
            {
                var o = (y * width + x) * 3;
                var p = x * channels;
                if (channels <= 2)
                {
                    rgb[o] = rgb[o + 1] = rgb[o + 2] = current[p];
                }
                else
                {
                    rgb[o] = current[p];
                    rgb[o + 1] = current[p + 1];
                    rgb[o + 2] = current[p + 2];
                }
            }
            (previous, current) = (current, previous);
        }
        return new PngImage(width, height, rgb);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
