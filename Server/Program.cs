using LocalOpenAi.Server.Cli;

return await ServerCommandLine.RunAsync(args);
