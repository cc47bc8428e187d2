using System;
using System.Diagnostics;
using System.Reflection;

namespace Goroutines;

/// <summary>
/// Where the student's code called the library, found in an exception's stack: the first frame that is
/// not the library's. A notebook cell is compiled as a "Submission#N" class, so it reads "in your cell".
/// </summary>
internal static class UserFrame
{
    /// <summary>"in your cell, line 3" (the line when known), or "at Type.Method in file:line N" outside a notebook; "" if none.</summary>
    internal static string Describe(Exception e, int knownLine)
    {
        foreach (var frame in new StackTrace(e, fNeedFileInfo: true).GetFrames())
        {
            var method = frame.GetMethod();
            var type = method?.DeclaringType;
            if (type == null || IsLibrary(type.Assembly)) continue;
            var line = frame.GetFileLineNumber() > 0 ? frame.GetFileLineNumber() : knownLine;
            var outer = type;
            while (outer.DeclaringType != null) outer = outer.DeclaringType;
            if (outer.Name.StartsWith("Submission#", StringComparison.Ordinal))
                return "in your cell" + (line > 0 ? $", line {line}" : "") + (IsPlainName(method!.Name) ? $", in {method.Name}()" : "");
            var file = frame.GetFileName();
            return $"at {outer.FullName}.{method!.Name}" + (file != null ? $" in {file}:line {line}" : "");
        }
        return "";
    }

    /// <summary>The exception as a notebook shows it: its message and where the student's code called the library.</summary>
    internal static string Render(Exception e, string message, int knownLine)
    {
        var where = Describe(e, knownLine);
        return where.Length == 0 ? message : $"{message}\n   ({where})";
    }

    private static bool IsLibrary(Assembly assembly) =>
        assembly == typeof(UserFrame).Assembly || assembly.GetName().Name == "Goroutines.Workbook";

    private static bool IsPlainName(string name) => !name.Contains('<') && name != "MoveNext";
}
