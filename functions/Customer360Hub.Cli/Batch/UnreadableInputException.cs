namespace Customer360Hub.Cli.Batch;

/// <summary>An input file cannot be read as a party CSV; the message says which file, where and why.</summary>
internal sealed class UnreadableInputException(string message, Exception? inner = null) : Exception(message, inner);
