using System.Buffers.Binary;
using System.IO.Compression;

namespace PerfGate.Tests.Reports.Html;

/// <summary>
/// A minimal PNG reader for screenshot checks: 8-bit RGB or RGBA, non-interlaced (what Chromium writes). Chunks are
/// read by length and type, the IDAT stream inflated with <see cref="ZLibStream"/>, each scanline unfiltered (None,
/// Sub, Up, Average, Paeth). Pixels come back as 0xRRGGBB (alpha dropped).
/// </summary>
internal sealed record Png(int Width, int Height, int[] Pixels)
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static Png Read(byte[] file)
    {
        if (file.Length < 8 || !file.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG file (bad signature)");
        }

        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        var at = 8;
        while (at + 8 <= file.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            var data = file.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    channels = data[9] switch
                    {
                        2 => 3,
                        6 => 4,
                        var colour => throw new InvalidDataException($"PNG colour type {colour} is not RGB or RGBA"),
                    };
                    if (data[8] != 8 || data[12] != 0)
                    {
                        throw new InvalidDataException($"PNG bit depth {data[8]} or interlace {data[12]} is not 8-bit, non-interlaced");
                    }

                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    at = file.Length;
                    continue;
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflate.CopyTo(raw);
        return new Png(width, height, Unfilter(raw.ToArray(), width, height, channels));
    }

    private static int[] Unfilter(byte[] raw, int width, int height, int channels)
    {
        var stride = width * channels;
        var previous = new byte[stride];
        var line = new byte[stride];
        var pixels = new int[width * height];
        for (var y = 0; y < height; y++)
        {
            var offset = y * (stride + 1);
            var filter = raw[offset];
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? line[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                var x = raw[offset + 1 + i];
                line[i] = (byte)(filter switch
                {
                    0 => x,
                    1 => x + a,
                    2 => x + b,
                    3 => x + ((a + b) / 2),
                    4 => x + Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG filter {filter} on line {y}"),
                });
            }

            for (var px = 0; px < width; px++)
            {
                pixels[(y * width) + px] = (line[px * channels] << 16) | (line[(px * channels) + 1] << 8) | line[(px * channels) + 2];
            }

            (previous, line) = (line, previous);
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
