using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using LocalOpenAi.Server.Hosting;
using LocalOpenAi.Server.Commands;

namespace LocalOpenAi.Server.Cli;

/// <summary><c>serve</c> (the default command): runs the HTTP server with the flags of <see cref="ServeFlags"/>.</summary>
internal sealed class ServeCommand : ICliCommand
{
    public const string Name = "serve";

    private const string Description =
        "Runs the OpenAI-compatible HTTP server (the default command). Settings come from appsettings.json next to the program, " +
        "then appsettings.json in the current folder, then LOCALOPENAI__SECTION__KEY environment variables, then these flags: a later one wins. " +
        "Relative paths are relative to the current folder.";

    Command ICliCommand.Create()
    {
        var (command, settings) = Define();
        command.SetAction((result, cancellationToken) => ServerProcess.RunAsync(settings(result), result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    /// <summary>The server the command line <paramref name="args"/> describe, built but not started (tests start it in-process).</summary>
    /// <exception cref="CommandLineException">An unknown flag, a malformed value or invalid configuration.</exception>
    public static WebApplication BuildApplication(string[] args) => ServerApplication.Build(ParseSettings(args));

    /// <summary>The configuration that <c>serve</c> <paramref name="args"/> set (without the word <c>serve</c>).</summary>
    /// <exception cref="CommandLineException">An unknown flag or a malformed value.</exception>
    public static IReadOnlyList<KeyValuePair<string, string?>> ParseSettings(IReadOnlyList<string> args)
    {
        var (command, settings) = Define();
        var result = command.Parse(ServeArguments.Normalize(args), new ParserConfiguration { EnablePosixBundling = false });
        return result.Errors.Count == 0 ? settings(result) : throw new CommandLineException(string.Join(" ", result.Errors.Select(error => error.Message)));
    }

    private static (Command Command, Func<ParseResult, List<KeyValuePair<string, string?>>> Settings) Define()
    {
        var flags = ServeFlags.All.Select(flag => (Flag: flag, Option: CreateOption(flag))).ToList();
        var set = new Option<string[]>(ServeArguments.SetFlag)
        {
            Description = "Any configuration key, e.g. --set Cache:MaxEntries=1000; also written --Cache:MaxEntries=1000 (repeatable)",
            HelpName = "SECTION:KEY=VALUE",
            AllowMultipleArgumentsPerToken = false,
        };
        set.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(token => !token.Value.Contains('=', StringComparison.Ordinal)))
            {
                result.AddError($"'{token.Value}' is not SECTION:KEY=VALUE.");
            }
        });

        var command = new Command(Name, Description);
        flags.ForEach(entry => command.Add(entry.Option));
        command.Add(set);
        return (command, result => Settings(result, flags, set));
    }

    private static List<KeyValuePair<string, string?>> Settings(ParseResult result, List<(ServeFlag Flag, Option Option)> flags, Option<string[]> set)
    {
        var settings = new List<KeyValuePair<string, string?>>();
        foreach (var (flag, option) in flags)
        {
            if (result.GetResult(option) is not { Implicit: false } given)
            {
                continue;
            }

            if (flag.Kind == ServeFlagKind.List)
            {
                settings.AddRange(given.Tokens.Select((token, index) => new KeyValuePair<string, string?>($"{flag.Key}:{index}", token.Value)));
            }
            else
            {
                var value = flag.Kind == ServeFlagKind.Switch ? (given.Tokens is [var token] ? token.Value : "true") : given.Tokens[^1].Value;
                settings.Add(new(flag.Key, value));
            }

            settings.AddRange(flag.Implies.Select(implied => new KeyValuePair<string, string?>(implied.Key, implied.Value)));
        }

        foreach (var pair in result.GetValue(set) ?? [])
        {
            var parts = pair.Split('=', 2);
            settings.Add(new(parts[0], parts[1]));
        }

        return settings;
    }

    /// <summary>A flag given twice keeps its last value, as in llama-server; two values after one flag are an error.</summary>
    private static Option CreateOption(ServeFlag flag)
    {
        Option option = flag.Kind switch
        {
            ServeFlagKind.Number => new Option<int>(flag.Name, flag.Aliases) { CustomParser = result => LastNumber(result, flag.Name) },
            ServeFlagKind.Switch => new Option<bool>(flag.Name, flag.Aliases),
            ServeFlagKind.List => new Option<string[]>(flag.Name, flag.Aliases),
            _ => new Option<string>(flag.Name, flag.Aliases) { CustomParser = result => result.Tokens is [.., var last] ? last.Value : null },
        };
        option.Description = flag.Description;
        option.AllowMultipleArgumentsPerToken = false;
        if (flag.Kind is ServeFlagKind.Text or ServeFlagKind.Number)
        {
            option.Arity = ArgumentArity.OneOrMore;
        }

        if (flag.Default is not null)
        {
            option.Description += $" [default: {flag.Default}]";
        }

        if (flag.Allowed.Length > 0 && option is Option<string> text)
        {
            text.AcceptOnlyFromAmong(flag.Allowed);
        }

        return option;
    }

    private static int LastNumber(ArgumentResult result, string name)
    {
        if (result.Tokens is [.., var last] && int.TryParse(last.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"{name} takes a whole number, not '{(result.Tokens is [.., var token] ? token.Value : "")}'.");
        return 0;
    }
}
