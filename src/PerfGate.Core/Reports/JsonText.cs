using System.Text;
using System.Text.Json;

namespace PerfGate.Reports;

/// <summary>
/// Every JSON document the front ends print (catalog, estimate, memory): indented, LF line ends whatever the OS, UTF-8,
/// and a final newline.
/// </summary>
public static class JsonText
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n" };

    public static string Render(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
