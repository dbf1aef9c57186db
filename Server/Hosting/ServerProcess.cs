using Microsoft.Extensions.Options;
using LocalOpenAi.Server.Requests;

namespace LocalOpenAi.Server.Hosting;

/// <summary>Runs the server until it is stopped; a start-up failure ends it with one line on stderr and a non-zero exit code.</summary>
internal static class ServerProcess
{
    /// <returns>0 after a clean stop, 2 for invalid configuration, 1 when the server could not start.</returns>
    public static async Task<int> RunAsync(IEnumerable<KeyValuePair<string, string?>> settings, TextWriter error, CancellationToken cancellationToken)
    {
        WebApplication? app = null;
        try
        {
            app = ServerApplication.Build(settings);
            // Validating first keeps the host from logging an invalid option as a start-up crash with a stack trace.
            app.Services.GetService<IStartupValidator>()?.Validate();
            var server = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
            if (ListenAddressProbe.Problem(server.Host, server.Port) is { } problem)
            {
                await error.WriteLineAsync($"error: {problem}");
                return 1;
            }

            await app.StartAsync(cancellationToken);
            if (await StartupModelCheck.FailureAsync(app.Services, app.Lifetime.ApplicationStopping) is { } failure)
            {
                await error.WriteLineAsync($"error: {failure}");
                await app.StopAsync(CancellationToken.None);
                return 1;
            }

            await app.WaitForShutdownAsync(CancellationToken.None);
            return 0;
        }
        catch (Exception exception) when (StartupFailure.Describe(exception) is { } failure)
        {
            await error.WriteLineAsync($"error: {failure.Message}");
            return failure.ExitCode;
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }
}
