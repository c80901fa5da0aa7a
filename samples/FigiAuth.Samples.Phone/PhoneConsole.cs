using System.Text.Json;
using System.Text.Json.Nodes;

namespace FigiAuth.Samples.Phone;

/// <summary>Friendly or JSON output, and interactive questions.</summary>
internal sealed class PhoneConsole(bool json)
{
    public bool Json { get; } = json;

    public static bool Interactive => !System.Console.IsInputRedirected && !System.Console.IsOutputRedirected;

    public void Say(string message)
    {
        if (!Json)
            System.Console.WriteLine(message);
    }

    public void Result(JsonObject result)
    {
        if (Json)
            System.Console.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    public void Error(string message, int exitCode, JsonObject? extra = null)
    {
        if (Json)
        {
            var error = extra ?? [];
            error["error"] = message;
            error["exitCode"] = exitCode;
            System.Console.WriteLine(error.ToJsonString());
        }
        else
        {
            System.Console.Error.WriteLine($"error: {message}");
        }
    }

    public static string? AskSecret(string question)
    {
        System.Console.Write(question);
        var pin = new System.Text.StringBuilder();
        while (true)
        {
            var key = System.Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Escape)
                return null;
            if (key.Key == ConsoleKey.Backspace && pin.Length > 0)
                pin.Length--;
            else if (!char.IsControl(key.KeyChar))
                pin.Append(key.KeyChar);
        }
        System.Console.WriteLine();
        return pin.ToString();
    }

    public static bool AskYesNo(string question)
    {
        System.Console.Write($"{question} [y/N] ");
        var answer = System.Console.ReadLine();
        return answer is not null && answer.Trim().Equals("y", StringComparison.OrdinalIgnoreCase)
            || answer?.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase) == true;
    }
}
