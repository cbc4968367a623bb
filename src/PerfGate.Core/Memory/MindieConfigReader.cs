using System.Globalization;
using System.Text;
using System.Text.Json;
using PerfGate.Diagnostics;
using PerfGate.Syntax;

namespace PerfGate.Memory;

/// <summary>
/// Reads a MindIE Service config.json (text in, record and diagnostics out; the caller reads the file). Every finding points
/// at the line and column of the offending key: malformed JSON (PG4005), a missing section (PG2003 error) or memory key
/// (PG2003 info: MindIE's default applies), a wrong type (PG2004), and MindIE's own range and consistency checks (PG4003).
/// Unknown keys are ignored: MindIE has many that do not affect memory.
/// </summary>
public static class MindieConfigReader
{
    /// <summary>Memory keys whose absence is worth saying, with the default MindIE applies.</summary>
    private static readonly (string Section, string Key, string Default)[] DefaultedKeys =
    [
        ("ModelDeployConfig", "maxSeqLen", "2560"),
        ("ModelDeployConfig", "maxInputTokenLen", "2048"),
        ("ModelConfig", "worldSize", "4"),
        ("ModelConfig", "npuMemSize", "-1 (automatic)"),
        ("ScheduleConfig", "cacheBlockSize", "128"),
        ("ScheduleConfig", "maxPrefillTokens", "8192"),
        ("ScheduleConfig", "maxPrefillBatchSize", "50"),
        ("ScheduleConfig", "maxBatchSize", "200"),
        ("ScheduleConfig", "maxIterTimes", "512"),
    ];

    public static MindieConfigReadResult Read(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(Encoding.UTF8.GetBytes(text), file);
    }

    public static MindieConfigReadResult Read(byte[] utf8, string file)
    {
        var root = LocatedJson.Parse(utf8, file, out var syntax);
        if (root is null)
        {
            return new MindieConfigReadResult(null, [syntax!]);
        }

        var r = new Reader(file);
        if (!root.IsObject)
        {
            r.Error(DiagnosticIds.WrongType, $"the top level is {root.Describe()}; a MindIE config.json is an object with BackendConfig", root.Location);
            return new MindieConfigReadResult(null, r.Diagnostics);
        }

        var backend = r.Section(root, "BackendConfig", "the top level");
        var deploy = backend is null ? null : r.Section(backend, "ModelDeployConfig", "BackendConfig");
        var schedule = backend is null ? null : r.Section(backend, "ScheduleConfig", "BackendConfig");
        var model = deploy is null ? null : r.FirstModelConfig(deploy);
        if (backend is null || deploy is null || schedule is null || model is null)
        {
            return new MindieConfigReadResult(null, r.Diagnostics);
        }

        var config = new MindieConfig
        {
            File = file,
            ModelInstanceNumber = r.Int(backend, "modelInstanceNumber", "BackendConfig", unsigned: true),
            NpuDeviceCount = r.DeviceCount(backend),
            MultiNodesInferEnabled = r.Bool(backend, "multiNodesInferEnabled", "BackendConfig") ?? false,
            MaxSeqLen = r.Int(deploy, "maxSeqLen", "BackendConfig.ModelDeployConfig", unsigned: true),
            MaxInputTokenLen = r.Int(deploy, "maxInputTokenLen", "BackendConfig.ModelDeployConfig", unsigned: true),
            ModelName = r.String(model, "modelName", "ModelConfig[0]"),
            ModelWeightPath = r.String(model, "modelWeightPath", "ModelConfig[0]"),
            BackendType = r.String(model, "backendType", "ModelConfig[0]"),
            WorldSize = r.Int(model, "worldSize", "ModelConfig[0]", unsigned: true),
            NpuMemSize = r.Int(model, "npuMemSize", "ModelConfig[0]", unsigned: false),
            CpuMemSize = r.Int(model, "cpuMemSize", "ModelConfig[0]", unsigned: true),
            Tp = r.Int(model, "tp", "ModelConfig[0]", unsigned: false),
            Dp = r.Int(model, "dp", "ModelConfig[0]", unsigned: false),
            Cp = r.Int(model, "cp", "ModelConfig[0]", unsigned: false),
            Sp = r.Int(model, "sp", "ModelConfig[0]", unsigned: false),
            MoeTp = r.Int(model, "moe_tp", "ModelConfig[0]", unsigned: false),
            MoeEp = r.Int(model, "moe_ep", "ModelConfig[0]", unsigned: false),
            SpeculativeTokens = r.SpeculativeTokens(model),
            TemplateType = r.String(schedule, "templateType", "BackendConfig.ScheduleConfig"),
            CacheBlockSize = r.Int(schedule, "cacheBlockSize", "BackendConfig.ScheduleConfig", unsigned: true),
            MaxPrefillBatchSize = r.Int(schedule, "maxPrefillBatchSize", "BackendConfig.ScheduleConfig", unsigned: true),
            MaxPrefillTokens = r.Int(schedule, "maxPrefillTokens", "BackendConfig.ScheduleConfig", unsigned: true),
            MaxBatchSize = r.Int(schedule, "maxBatchSize", "BackendConfig.ScheduleConfig", unsigned: true),
            MaxIterTimes = r.Int(schedule, "maxIterTimes", "BackendConfig.ScheduleConfig", unsigned: true),
            MaxPreemptCount = r.Int(schedule, "maxPreemptCount", "BackendConfig.ScheduleConfig", unsigned: true),
            MaxQueueDelayMicroseconds = r.Int(schedule, "maxQueueDelayMicroseconds", "BackendConfig.ScheduleConfig", unsigned: true),
            KeyLocations = r.Locations,
        };

        var sections = new Dictionary<string, LocatedJson>(StringComparer.Ordinal) { ["ModelDeployConfig"] = deploy, ["ModelConfig"] = model, ["ScheduleConfig"] = schedule };
        foreach (var (section, key, dflt) in DefaultedKeys)
        {
            if (sections[section][key] is null)
            {
                r.Diagnostics.Add(Diagnostic.Info(DiagnosticIds.MissingField, $"{section} has no {key}; MindIE uses its default {dflt}", sections[section].Location));
            }
        }

        r.Diagnostics.AddRange(MindieConfigChecks.Check(config));
        return new MindieConfigReadResult(config, r.Diagnostics);
    }

    /// <summary>Reading state: the file, the findings and where each key was.</summary>
    private sealed class Reader(string file)
    {
        public List<Diagnostic> Diagnostics { get; } = [];
        public Dictionary<string, SourceLocation> Locations { get; } = new(StringComparer.Ordinal);

        public void Error(string id, string message, SourceLocation at) => Diagnostics.Add(Diagnostic.Error(id, message, at));

        public LocatedJson? Section(LocatedJson parent, string key, string parentName)
        {
            var node = parent[key];
            if (node is null)
            {
                Error(DiagnosticIds.MissingField, $"{parentName} has no {key}; MindIE needs it (see its shipped config.json)", parent.Location.Line > 0 ? parent.Location : new SourceLocation(file, 1, 1));
                return null;
            }

            if (!node.IsObject)
            {
                Error(DiagnosticIds.WrongType, $"{key} must be an object, got {node.Describe()}", node.KeyLocation);
                return null;
            }

            return node;
        }

        public LocatedJson? FirstModelConfig(LocatedJson deploy)
        {
            var node = deploy["ModelConfig"];
            if (node is null)
            {
                Error(DiagnosticIds.MissingField, "ModelDeployConfig has no ModelConfig; it needs a list with one entry per model (worldSize, npuMemSize, backendType, ...)", deploy.Location);
                return null;
            }

            if (node.Kind != JsonTokenType.StartArray || node.Items!.Count == 0 || !node.Items[0].IsObject)
            {
                Error(DiagnosticIds.WrongType, $"ModelConfig must be a list of objects with at least one entry, got {node.Describe()}", node.KeyLocation);
                return null;
            }

            if (node.Items.Count > 1)
            {
                Diagnostics.Add(Diagnostic.Info(DiagnosticIds.InvalidSetting, string.Create(CultureInfo.InvariantCulture, $"ModelConfig has {node.Items.Count} entries; the budget is for the first ({node.Items[0]["modelName"]?.Text ?? "unnamed"})"), node.KeyLocation));
            }

            return node.Items[0];
        }

        public int? Int(LocatedJson section, string key, string path, bool unsigned)
        {
            var node = section[key];
            if (node is null)
            {
                return null;
            }

            Locations[key] = node.KeyLocation;
            if (node.Kind != JsonTokenType.Number)
            {
                Error(DiagnosticIds.WrongType, $"{path}.{key} must be {(unsigned ? "an unsigned integer" : "an integer")}, got {node.Describe()}", node.KeyLocation);
                return null;
            }

            if (!node.TryGetInt(out var value))
            {
                var isInteger = long.TryParse(node.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
                Error(isInteger ? DiagnosticIds.EngineParameterOutOfRange : DiagnosticIds.WrongType, isInteger
                    ? $"{path}.{key} {node.Text} is out of range for MindIE (at most {int.MaxValue})"
                    : $"{path}.{key} must be a whole number, got {node.Text}", node.KeyLocation);
                return null;
            }

            if (unsigned && value < 0)
            {
                Error(DiagnosticIds.EngineParameterOutOfRange, $"{path}.{key} must not be negative (MindIE reads it as uint32), got {node.Text}", node.KeyLocation);
                return null;
            }

            return value;
        }

        public string? String(LocatedJson section, string key, string path)
        {
            var node = section[key];
            if (node is null)
            {
                return null;
            }

            Locations[key] = node.KeyLocation;
            if (node.Kind != JsonTokenType.String)
            {
                Error(DiagnosticIds.WrongType, $"{path}.{key} must be a string, got {node.Describe()}", node.KeyLocation);
                return null;
            }

            return node.Text;
        }

        public bool? Bool(LocatedJson section, string key, string path)
        {
            var node = section[key];
            if (node is null)
            {
                return null;
            }

            Locations[key] = node.KeyLocation;
            if (node.Kind is not (JsonTokenType.True or JsonTokenType.False))
            {
                Error(DiagnosticIds.WrongType, $"{path}.{key} must be true or false, got {node.Describe()}", node.KeyLocation);
                return null;
            }

            return node.Kind == JsonTokenType.True;
        }

        public int? DeviceCount(LocatedJson backend)
        {
            var node = backend["npuDeviceIds"];
            if (node is null)
            {
                return null;
            }

            Locations["npuDeviceIds"] = node.KeyLocation;
            if (node.Kind != JsonTokenType.StartArray || node.Items!.Count == 0
                || node.Items.Any(i => i.Kind != JsonTokenType.StartArray || i.Items!.Any(d => !d.TryGetInt(out var id) || id < 0)))
            {
                Error(DiagnosticIds.WrongType, $"BackendConfig.npuDeviceIds must be a list of lists of device ids, e.g. [[0,1,2,3]], got {node.Describe()}", node.KeyLocation);
                return null;
            }

            Locations["npuDeviceIds.count"] = node.KeyLocation;
            if (node.Items.Select(i => i.Items!.Count).Distinct().Count() > 1)
            {
                Error(DiagnosticIds.EngineParameterOutOfRange, "BackendConfig.npuDeviceIds lists differ in length; every model instance needs worldSize cards", node.KeyLocation);
            }

            return node.Items[0].Items!.Count;
        }

        public int? SpeculativeTokens(LocatedJson model)
        {
            var node = model["plugin_params"];
            if (node is null)
            {
                return null;
            }

            Locations["plugin_params"] = node.KeyLocation;
            if (node.Kind != JsonTokenType.String)
            {
                Error(DiagnosticIds.WrongType, $"ModelConfig[0].plugin_params must be a JSON string such as \"{{\\\"plugin_type\\\":\\\"mtp\\\",\\\"num_speculative_tokens\\\":1}}\", got {node.Describe()}", node.KeyLocation);
                return null;
            }

            if (string.IsNullOrWhiteSpace(node.Text))
            {
                return null;
            }

            try
            {
                using var doc = JsonDocument.Parse(node.Text);
                return doc.RootElement.ValueKind == JsonValueKind.Object
                    && doc.RootElement.TryGetProperty("num_speculative_tokens", out var n) && n.TryGetInt32(out var v) ? v : null;
            }
            catch (JsonException ex)
            {
                Error(DiagnosticIds.WrongType, $"ModelConfig[0].plugin_params is not valid JSON inside the string: {ex.Message.Split(" LineNumber:")[0].TrimEnd('.')}", node.KeyLocation);
                return null;
            }
        }
    }
}
