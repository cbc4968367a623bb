namespace PerfGate.Quantities;

/// <summary>Element types of weights, KV cache and activations.</summary>
public enum DataType
{
    Fp32,
    Bf16,
    Fp16,
    Fp8,
    Int8,
    Int4,
}

public static class DataTypeExtensions
{
    /// <summary>Storage size of one element in bytes (int4 is half a byte).</summary>
    public static double BytesPerElement(this DataType type) => type switch
    {
        DataType.Fp32 => 4,
        DataType.Bf16 or DataType.Fp16 => 2,
        DataType.Fp8 or DataType.Int8 => 1,
        DataType.Int4 => 0.5,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The spelling used in YAML, on the command line and in snapshots.</summary>
    public static string ToId(this DataType type) => type switch
    {
        DataType.Fp32 => "fp32",
        DataType.Bf16 => "bf16",
        DataType.Fp16 => "fp16",
        DataType.Fp8 => "fp8",
        DataType.Int8 => "int8",
        DataType.Int4 => "int4",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static IReadOnlyList<string> AllIds { get; } = ["bf16", "fp16", "fp32", "fp8", "int8", "int4"];

    public static bool TryParse(string text, out DataType type)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "fp32" or "float32": type = DataType.Fp32; return true;
            case "bf16" or "bfloat16": type = DataType.Bf16; return true;
            case "fp16" or "float16" or "half": type = DataType.Fp16; return true;
            case "fp8" or "float8" or "fp8_e4m3" or "e4m3": type = DataType.Fp8; return true;
            case "int8" or "w8a8": type = DataType.Int8; return true;
            case "int4" or "w4a16": type = DataType.Int4; return true;
            default: type = default; return false;
        }
    }
}
