using System.Globalization;
using PerfGate.Cli;

// Culture is explicit everywhere output reaches a file; the console follows the user's culture
// only where a command formats for people, and does so by passing a provider.
CultureInfo.DefaultThreadCurrentCulture ??= CultureInfo.CurrentCulture;
return PerfGateApp.Run(args, CliContext.FromProcess());
