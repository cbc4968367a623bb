using System.Text;
using PerfGate.Diagnostics;
using PerfGate.Syntax;

namespace PerfGate.Catalog;

/// <summary>
/// Turns a HuggingFace <c>config.json</c> (model_type llama, qwen2, qwen2_moe, qwen3, qwen3_moe, deepseek_v2,
/// deepseek_v3) into a
/// <see cref="ModelSpec"/>. Problems are diagnostics with the line and column of the JSON value.
/// </summary>
public static partial class HuggingFaceConfigReader
{
    public static IReadOnlyList<string> SupportedModelTypes { get; } = ["llama", "qwen2", "qwen2_moe", "qwen3", "qwen3_moe", "deepseek_v2", "deepseek_v3"];

    /// <param name="json">The config.json text.</param>
    /// <param name="file">Its path, for diagnostics and the default source.</param>
    /// <param name="id">The catalog id to give the model; null derives one from <c>_name_or_path</c>.</param>
    /// <param name="source">Where the file came from (a URL); default "HuggingFace config.json (file)".</param>
    public static HuggingFaceConfigResult Read(string json, string file, string? id = null, string? source = null)
    {
        var diagnostics = new List<Diagnostic>();
        var root = LocatedJson.Parse(Encoding.UTF8.GetBytes(json), file, DiagnosticIds.YamlSyntax, "a HuggingFace config.json is a JSON object ({ ... })", "fix the file or download it again", out var syntax);
        if (syntax is not null)
        {
            diagnostics.Add(syntax);
            return new HuggingFaceConfigResult(null, diagnostics);
        }

        if (root is not { IsObject: true })
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.WrongType, $"the file must hold a JSON object ({{ ... }}), not {root?.Describe()}", root?.Location ?? new SourceLocation(file, 1, 1)));
            return new HuggingFaceConfigResult(null, diagnostics);
        }

        var r = new Reader(root, diagnostics);
        var modelType = r.String("model_type", required: true);
        if (modelType is null)
        {
            return new HuggingFaceConfigResult(null, diagnostics);
        }

        if (!SupportedModelTypes.Contains(modelType, StringComparer.Ordinal))
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticIds.UnknownKind,
                $"model_type '{modelType}' is not supported{Yaml.Suggestions.DidYouMean(modelType, SupportedModelTypes)}. Supported model types: {Yaml.Suggestions.List(SupportedModelTypes)}",
                r.LocationOf("model_type")));
            return new HuggingFaceConfigResult(null, diagnostics);
        }

        var modelId = id ?? DeriveId(r.String("_name_or_path", required: false));
        if (modelId is null || !CatalogIds.IsValid(modelId))
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticIds.InvalidValue,
                modelId is null
                    ? "cannot tell the model's id (config.json has no '_name_or_path'); pass --id, e.g. --id qwq-32b"
                    : $"id '{modelId}' is not valid; use {CatalogIds.Rule}",
                r.Location));
            return new HuggingFaceConfigResult(null, diagnostics);
        }

        var model = modelType switch
        {
            "llama" or "qwen2" or "qwen3" => Dense(r, modelType),
            "qwen2_moe" or "qwen3_moe" => QwenMoe(r, modelType),
            "deepseek_v2" or "deepseek_v3" => DeepSeek(r, modelType),
            _ => throw new InvalidOperationException($"model_type '{modelType}' is in SupportedModelTypes but has no reader"),
        };
        if (model is null || diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return new HuggingFaceConfigResult(null, diagnostics);
        }

        if (!ModelParameters.TryCompute(model, out _))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidValue, ModelDocumentReader.TooLarge, r.Location));
            return new HuggingFaceConfigResult(null, diagnostics);
        }

        var fallback = source ?? $"HuggingFace config.json ({Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file)) ?? string.Empty)}/{Path.GetFileName(file)})";
        return new HuggingFaceConfigResult(
            model with
            {
                Id = modelId,
                Name = r.String("_name_or_path", required: false) ?? modelId,
                Sources = new Provenance(r.DerivedSources, fallback),
                Location = r.Location,
            },
            diagnostics);
    }

    /// <summary>"Qwen/QwQ-32B" -> "qwq-32b"; "/models/DeepSeek-V3" -> "deepseek-v3".</summary>
    public static string? DeriveId(string? nameOrPath)
    {
        if (string.IsNullOrWhiteSpace(nameOrPath))
        {
            return null;
        }

        var last = nameOrPath.TrimEnd('/', '\\').Split('/', '\\')[^1].ToLowerInvariant();
        var chars = last.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-').ToArray();
        var id = new string(chars).Trim('-', '.', '_');
        return id.Length == 0 ? null : id;
    }
}
