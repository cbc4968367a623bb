using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Memory;
using PerfGate.Workspace;

namespace PerfGate.Run;

public static partial class MemoryRun
{
    /// <summary>
    /// The model: its HuggingFace config.json (<c>--model-config</c>, named after the MindIE config's modelName or its
    /// folder), a catalog id or YAML document (<c>--model</c>), else the catalog model the MindIE config's modelName names.
    /// </summary>
    private static ModelSpec? Model(Context q, MindieConfig? config, CatalogResolver resolver)
    {
        var (a, diagnostics) = (q.Arguments, q.Diagnostics);
        if (a.ModelConfigPath is { } path)
        {
            if (a.Model is not null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, "--model and --model-config both name the model; pass one", SourceLocation.None));
                return null;
            }

            var text = InputFiles.ReadText(q.Files, q.CurrentDirectory, path, "the model's HuggingFace config.json (--model-config)", MemoryOverrideValues.MaxInputBytes, diagnostics);
            if (text is null)
            {
                return null;
            }

            var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path, q.CurrentDirectory)));
            var id = HuggingFaceConfigReader.DeriveId(config?.ModelName) ?? HuggingFaceConfigReader.DeriveId(folder);
            var read = HuggingFaceConfigReader.Read(text, path, id);
            diagnostics.AddRange(read.Diagnostics);
            return read.Model;
        }

        if (a.Model is { } value)
        {
            return resolver.Model(value);
        }

        var catalog = BuiltInCatalog.Load();
        if (config?.ModelName is { } name && catalog.Models.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) is { } guessed)
        {
            diagnostics.Add(Diagnostic.Info(DiagnosticIds.InvalidSetting, $"modelName \"{name}\" taken as the catalog model '{guessed}'; pass --model or --model-config to choose another", config.LocationOf("modelName")));
            return catalog.Models[guessed];
        }

        return Missing<ModelSpec>("--model", "the model (or --model-config with its HuggingFace config.json)", catalog.Models.Keys, diagnostics);
    }
}
