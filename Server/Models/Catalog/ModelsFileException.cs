namespace LocalOpenAi.Server.Models.Catalog;

/// <summary>A models file that cannot be read or says something impossible; the message names the file and the problem.</summary>
internal sealed class ModelsFileException(string message, Exception? innerException = null) : Exception(message, innerException);
