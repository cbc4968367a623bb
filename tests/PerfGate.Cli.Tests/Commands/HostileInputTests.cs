using System.Globalization;
using System.Text;

namespace PerfGate.Tests.Commands;

/// <summary>
/// Regression tests from the robustness sweep: every hostile input ends in a canonical diagnostic and exit code 2,
/// never exit 3 (internal error) or a stack trace, and nothing already on disk is lost.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private (int Code, string Out, string Err) Run(params string[] args) => AppHarness.RunIn(_dir.Path, args);

    private static string QwqConfig => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Memory", "Fixtures", "qwq-32b.config.json"));

    [Fact]
    public void A_folder_given_as_a_model_document_is_named_a_folder()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "models.yaml"));
        var (code, _, err) = Run("estimate", "--model", "models.yaml", "--hardware", "h100-sxm");
        Assert.Equal(2, code);
        Assert.Equal("models.yaml: error PG2010: this is a folder; pass the path of a YAML model document for --model (or a built-in model id)\n", err);
    }

    [Fact]
    public void A_model_document_that_is_not_utf8_is_located_not_replaced()
    {
        File.WriteAllBytes(Path.Combine(_dir.Path, "m.yaml"), [.. Encoding.UTF8.GetBytes("kind: model\nid: \""), 0xFF, (byte)'"', (byte)'\n']);
        var (code, _, err) = Run("estimate", "--model", "m.yaml", "--hardware", "h100-sxm");
        Assert.Equal(2, code);
        Assert.Equal("m.yaml(2,6): error PG2001: the file is not valid UTF-8 text: byte 0xFF here does not start a UTF-8 character; save the file as UTF-8\n", err);
    }

    [Fact]
    public void A_number_too_large_for_an_option_says_what_to_write()
    {
        var (code, _, err) = Run("estimate", "--model", "llama-3-8b", "--hardware", "h100-sxm", "--tp", "99999999999");
        Assert.Equal(2, code);
        Assert.StartsWith("perfgate: error PG2014: Cannot parse argument '99999999999' for option '--tp' as a whole number; write digits only (no decimal point or separators, at most 2147483647), e.g. 8\n", err, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Int32", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Cards_past_the_limit_are_bad_input_not_a_wrapped_count()
    {
        var (code, _, err) = Run("estimate", "--model", "llama-3-8b", "--hardware", "h100-sxm", "--tp", "2", "--dp", "2147483647");
        Assert.Equal(2, code);
        Assert.Contains("error PG3001: TP 2 x DP 2147483647 = 4294967294 cards with EP 1 is more than the 65536 cards PerfGate models", err, StringComparison.Ordinal);

        (code, _, err) = Run("memory", "--model", "qwq-32b", "--hardware", "ascend-910b3", "--tp", "65536", "--dp", "65536");
        Assert.Equal(2, code);
        Assert.Equal("perfgate: error PG4003: worldSize 2147483647 is more than the 65536 cards PerfGate budgets (one budget per card); use at most 65536\n", err);
    }

    [Theory]
    [InlineData("invariant")]
    [InlineData("de-DE")]
    public void Number_options_use_the_invariant_culture_whatever_the_user_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = culture == "invariant" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture);

            // "0,8" was read as 8 (a thousands separator) under the invariant culture and as 0.8 under de-DE.
            var (code, _, err) = Run("estimate", "--model", "llama-3-8b", "--hardware", "h100-sxm", "--mtp", "1", "--mtp-acceptance", "0,8");
            Assert.Equal(2, code);
            Assert.StartsWith("perfgate: error PG2014: '0,8' is not a number for --mtp-acceptance; write it with '.' as the decimal separator and no thousands separators, e.g. 0.85\n", err, StringComparison.Ordinal);

            var (ok, json, _) = Run("estimate", "--model", "llama-3-8b", "--hardware", "h100-sxm", "--mtp", "1", "--mtp-acceptance", "0.5", "--json");
            Assert.Equal(0, ok);
            Assert.Contains("\"mtpAcceptance\": 0.5,", json, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Import_output_onto_a_folder_or_under_a_file_is_bad_input()
    {
        _dir.Write("config.json", QwqConfig);
        Directory.CreateDirectory(Path.Combine(_dir.Path, "out.yaml"));
        var (code, _, err) = Run("import", "hf", "config.json", "--id", "q", "--output", "out.yaml");
        Assert.Equal(2, code);
        Assert.Equal("out.yaml: error PG2017: --output: this is a folder; name a file to write\n", err);

        (code, _, err) = Run("import", "hf", "config.json", "--id", "q", "--output", "config.json/q.yaml");
        Assert.Equal(2, code);
        Assert.StartsWith("config.json/q.yaml: error PG2017: --output: cannot write the file: ", err, StringComparison.Ordinal);
        Assert.Equal(QwqConfig, File.ReadAllText(Path.Combine(_dir.Path, "config.json")));
    }

    [Fact]
    public void Import_of_a_folder_or_of_text_that_is_not_utf8()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "cfg"));
        var (code, _, err) = Run("import", "hf", "cfg");
        Assert.Equal(2, code);
        Assert.Equal("cfg: error PG2010: this is a folder; pass the path of a HuggingFace config.json\n", err);

        File.WriteAllBytes(Path.Combine(_dir.Path, "bad.json"), [(byte)'{', (byte)'"', 0xC0, (byte)'"', (byte)'}']);
        (code, _, err) = Run("import", "hf", "bad.json");
        Assert.Equal(2, code);
        Assert.Equal("bad.json(1,3): error PG2001: the file is not valid UTF-8 text: byte 0xC0 here does not start a UTF-8 character; save the file as UTF-8\n", err);
    }

    [Fact]
    public void Search_csv_under_a_file_is_bad_input_not_an_internal_error()
    {
        // Was exit 3: the clean-up deleted a temporary file in a folder that does not exist and threw.
        _dir.Write("notes.txt", "keep me\n");
        var (code, _, err) = Run("search", "--hardware", "l20", "--nic", "cx7-400g", "--csv", "notes.txt/result.csv");
        Assert.Equal(2, code);
        Assert.StartsWith("notes.txt/result.csv: error PG2017: --csv: cannot write the file: ", err, StringComparison.Ordinal);
        Assert.Equal("keep me\n", File.ReadAllText(Path.Combine(_dir.Path, "notes.txt")));
        Assert.Equal(["notes.txt"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Search_refuses_an_empty_card_list_a_dense_model_and_an_infinite_target()
    {
        var (code, _, err) = Run("search", "--hardware", ",,");
        Assert.Equal(2, code);
        Assert.Equal("perfgate: error PG2014: --hardware names nothing; give at least a card id or YAML path, e.g. --hardware h800,h20, or leave the option out for the DeepSeek EP post's defaults (h800, h20, a100-80g, l20)\n", err);

        (code, _, err) = Run("search", "--model", "qwq-32b", "--hardware", "l20");
        Assert.Equal(2, code);
        Assert.Equal("perfgate: error PG3001: --model: the search explores expert parallelism (EP 72, 144, 320) and needs a mixture-of-experts model, but qwq-32b is dense; use a MoE model (e.g. deepseek-v3) or 'perfgate estimate' for a dense one\n", err);

        (code, _, err) = Run("search", "--hardware", "l20", "--target", "Infinity");
        Assert.Equal(2, code);
        Assert.Equal("perfgate: error PG2014: --target: Infinity must be a positive number of tokens per second per user, at most 100000 (the DeepSeek EP post: 20 or 15)\n", err);
    }

    [Fact]
    public void Validate_names_a_folder_where_the_settings_file_should_be()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "perfgate.yaml"));
        var (code, _, err) = Run("validate");
        Assert.Equal(2, code);
        Assert.StartsWith("perfgate.yaml: error PG2010: 'perfgate.yaml' in '", err, StringComparison.Ordinal);
        Assert.Contains("' is a folder; the workspace settings must be a YAML file of that name\n", err, StringComparison.Ordinal);
    }
}
