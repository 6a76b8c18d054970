using System.Diagnostics;
using System.Reflection;

namespace GradCheck;

/// <summary>
/// Bad input is the user's mistake, not the library's: its exception should point at the user's call,
/// not ten frames deep into the checker (<c>GradientAlignment.Align</c>, a closure in
/// <c>GradientCheckTarget</c>). The entry points catch the argument exceptions the library itself threw
/// and throw them again, same type, message and parameter name, from a frame that is hidden
/// (<see cref="StackTraceHiddenAttribute"/>, as Shouldly and the runtime's throw helpers hide theirs),
/// so the stack trace starts at the user's code. An argument exception thrown by the user's own code (a
/// backward pass) is not the library's and keeps its stack trace.
/// </summary>
[StackTraceHidden]
internal static class InputError
{
    /// <summary>
    /// Whether <paramref name="error"/> was thrown by code of <paramref name="library"/> (directly, or
    /// through a runtime throw helper such as <see cref="ArgumentNullException.ThrowIfNull(object?, string?)"/>).
    /// </summary>
    public static bool ThrownBy(ArgumentException error, params ReadOnlySpan<Assembly> library)
    {
        foreach (StackFrame frame in new StackTrace(error, fNeedFileInfo: false).GetFrames())
        {
            Assembly? assembly = frame.GetMethod()?.DeclaringType?.Assembly;
            if (assembly is null || assembly == typeof(object).Assembly)
            {
                continue;
            }

            return library.Contains(assembly);
        }

        return false;
    }

    /// <summary>The same error, to be thrown from the caller's hidden frame: its stack trace then starts at the user's code.</summary>
    public static ArgumentException Rethrown(ArgumentException error)
    {
        string suffix = error.ParamName is null ? string.Empty : $" (Parameter '{error.ParamName}')";
        string message = suffix.Length > 0 && error.Message.EndsWith(suffix, StringComparison.Ordinal)
            ? error.Message[..^suffix.Length]
            : error.Message;
        return error switch
        {
            ArgumentNullException => new ArgumentNullException(error.ParamName, message),
            ArgumentOutOfRangeException => new ArgumentOutOfRangeException(error.ParamName, message),
            _ => new ArgumentException(message, error.ParamName),
        };
    }
}
