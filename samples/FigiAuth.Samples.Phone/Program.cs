using System.CommandLine;
using FigiAuth.Samples.Phone;

var root = new RootCommand("figiauth-phone: a FIDO UAF phone in your terminal (FigiAuth sample; DEVELOPMENT authenticators)");
foreach (var option in GlobalOptions.All)
    root.Options.Add(option);
foreach (var command in PhoneCommands.All())
    root.Subcommands.Add(command);

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
        Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("Try 'figiauth-phone --help'.");
    return ExitCodes.Usage;
}
return await parse.InvokeAsync();
