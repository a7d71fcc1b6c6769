using System.CommandLine;
using System.Reflection;

namespace RepoCache.Cli.Commands;

/// <summary><c>repocache version</c>: prints the tool and runtime versions.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the RepoCache and .NET runtime versions.");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            Console.WriteLine($"repocache {version} (.NET {Environment.Version})");
            return 0;
        });
        return command;
    }
}
