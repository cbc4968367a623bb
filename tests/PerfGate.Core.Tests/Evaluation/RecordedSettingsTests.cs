using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using PerfGate.Catalog;
using PerfGate.Evaluation;
using PerfGate.IO;
using PerfGate.Quantities;
using PerfGate.Scenarios;
using PerfGate.Workspace;

namespace PerfGate.Tests.Evaluation;

/// <summary>
/// Issue 9 point 5: what a snapshot records and what the estimators read come from one place. For every repository
/// scenario, each figure of its hardware, model (with MoE/MLA) and NIC documents that the scenario's <c>[settings]</c> do
/// not record is changed, one at a time, and the scenario evaluated again: if any figure moves, an estimator reads a
/// catalog figure the snapshot does not record (a drift it causes would be explained as "no input changed"), and the
/// test names the key to add to <see cref="ScenarioSettings"/>. Properties found by reflection, so a new field is
/// covered the day it is added.
/// </summary>
public sealed class RecordedSettingsTests
{
    /// <summary>Properties that name or describe a document (ids, display names, provenance): not figures.</summary>
    private static readonly HashSet<string> Descriptive = new(StringComparer.Ordinal)
    {
        "Id", "Name", "Vendor", "Sources", "Location", "Defaulted", "MarketedMemory",

        // Recorded as [inputs] (the CSV files and their hashes), not as a setting.
        "CalibrationTables",
    };

    [Fact]
    public void Every_catalog_figure_an_estimate_reads_is_a_recorded_setting()
    {
        var ws = Repository();
        var unrecordedButRead = new SortedSet<string>(StringComparer.Ordinal);
        var perturbed = 0;
        foreach (var scenario in ws.Scenarios)
        {
            var recorded = ScenarioSettings.Flatten(scenario, ws.Catalog).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            var figures = Figures(ws.Catalog, scenario);
            foreach (var (key, catalog) in Variants(ws.Catalog, scenario).Where(v => !recorded.Contains(v.Key)))
            {
                perturbed++;
                if (Figures(catalog, scenario) != figures)
                {
                    unrecordedButRead.Add($"{key} (scenario {scenario.Id})");
                }
            }
        }

        Assert.True(perturbed > 0, "no unrecorded figure was tried; the test would pass whatever the estimators read");
        Assert.True(unrecordedButRead.Count == 0, "estimates read catalog figures that [settings] do not record; add them to ScenarioSettings:\n" + string.Join("\n", unrecordedButRead));
    }

    [Fact]
    public void The_check_sees_a_figure_that_the_estimates_read()
    {
        // The same comparison as above, on a recorded figure: one more layer moves the weights and the step time.
        var ws = Repository();
        var scenario = ws.Scenarios.Single(s => s.Id == "llama-3-8b-h100");
        var variant = Variants(ws.Catalog, scenario).Single(v => v.Key == "model.layers");
        Assert.NotEqual(Figures(ws.Catalog, scenario), Figures(variant.Catalog, scenario));
        Assert.Contains("model.layers", ScenarioSettings.Flatten(scenario, ws.Catalog).Select(p => p.Key));
    }

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));

    private static LoadedWorkspace Repository()
    {
        var loaded = WorkspaceLoader.Load(PhysicalFileSystem.Instance, RepositoryRoot());
        Assert.True(loaded.Workspace is not null, string.Join("\n", loaded.Diagnostics.Select(d => d.ToCanonicalString())));
        return loaded.Workspace;
    }

    /// <summary>Every figure and the diagnostics, as text (an input error counts as a change).</summary>
    private static string Figures(CatalogSet catalog, ScenarioSpec scenario)
    {
        var result = ScenarioEvaluator.Evaluate(new EvaluationRequest { Scenario = scenario, Catalog = catalog, ToolVersion = "test" });
        var figures = result.Snapshot?.AllFigures().Select(m => m.ToString()) ?? [];
        return string.Join("\n", figures.Concat(result.Diagnostics.Select(d => d.ToCanonicalString())));
    }

    /// <summary>One catalog per perturbed figure of the scenario's hardware, model and NIC, keyed as [settings] would be.</summary>
    private static IEnumerable<(string Key, CatalogSet Catalog)> Variants(CatalogSet catalog, ScenarioSpec scenario)
    {
        var hardware = catalog.Hardware[scenario.Hardware];
        foreach (var (key, changed) in Perturb("hardware", hardware))
        {
            yield return (key, catalog with { Hardware = Replace(catalog.Hardware, scenario.Hardware, (HardwareSpec)changed) });
        }

        var model = catalog.Models[scenario.Model];
        foreach (var (key, changed) in Perturb("model", model))
        {
            yield return (key, catalog with { Models = Replace(catalog.Models, scenario.Model, (ModelSpec)changed) });
        }

        if (scenario.Nic is { } nicId)
        {
            foreach (var (key, changed) in Perturb("nic", catalog.Nics[nicId]))
            {
                yield return (key, catalog with { Nics = Replace(catalog.Nics, nicId, (NicSpec)changed) });
            }
        }
    }

    private static Dictionary<string, T> Replace<T>(IReadOnlyDictionary<string, T> all, string id, T value) =>
        new(all.Select(p => p.Key == id ? new KeyValuePair<string, T>(id, value) : p), StringComparer.Ordinal);

    /// <summary>Copies of <paramref name="record"/> with one property changed each (nested records recursively).</summary>
    private static IEnumerable<(string Key, object Changed)> Perturb(string prefix, object record)
    {
        foreach (var property in record.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null && !Descriptive.Contains(p.Name)))
        {
            var value = property.GetValue(record);
            if (value is null)
            {
                continue;
            }

            var key = prefix + "." + char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            if (value is CalibrationTransfer)
            {
                // Recorded as hardware.calibration.from and .transfer (the document's spelling).
                key = prefix + ".calibration.from";
            }

            if (value is MoeSpec or MlaSpec)
            {
                foreach (var (nestedKey, nested) in Perturb(key, value))
                {
                    yield return (nestedKey, With(record, property, nested));
                }

                continue;
            }

            yield return (key, With(record, property, Changed(key, value)));
        }
    }

    private static object Changed(string key, object value) => value switch
    {
        bool b => !b,
        int i => i + 1,
        long l => l + 1,
        double d => (d * 1.37) + 0.5,
        string s => s + "-changed",
        Bytes b => new Bytes((b.Value * 2) + Bytes.GiB),
        BytesPerSecond b => BytesPerSecond.FromGBps((b.Value * 1.37 / 1e9) + 1),
        FlopsPerSecond f => FlopsPerSecond.FromTflops((f.Value * 1.37 / 1e12) + 1),
        Duration t => Duration.FromMicroseconds((t.Seconds * 1.37e6) + 3),
        Enum e => NextEnumValue(e),
        CalibrationTransfer t => t with { From = t.From + "-changed" },
        _ => throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{key}: no way to change a {value.GetType().Name}; teach RecordedSettingsTests.Changed, or list it as descriptive")),
    };

    private static object NextEnumValue(Enum e)
    {
        var values = Enum.GetValues(e.GetType());
        var index = Array.IndexOf(values, e);
        return values.GetValue((index + 1) % values.Length)!;
    }

    private static object With(object record, PropertyInfo property, object value)
    {
        var clone = record.GetType().GetMethod("<Clone>$")!.Invoke(record, null)!;
        property.SetValue(clone, value);
        return clone;
    }
}
