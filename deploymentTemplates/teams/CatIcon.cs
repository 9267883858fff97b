using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace LeashBot.TeamsPackage;

/// <summary>
/// LeashBot's icon, drawn here rather than stored: a cat's head (round face, two pointed ears, eyes and nose cut
/// out). The colour icon is a white cat on the accent colour; the outline icon is the white cat on transparency,
/// as Teams asks. Edges are anti-aliased by sampling each pixel 4x4 times.
/// </summary>
public static class CatIcon
{
    private const int Samples = 4;

    public static byte[] Color(int size, (byte R, byte G, byte B) accent) =>
        Png(size, size, (x, y) =>
        {
            var cat = Coverage(size, x, y, margin: 0.16);
            return (Blend(accent.R, 255, cat), Blend(accent.G, 255, cat), Blend(accent.B, 255, cat), 255);
        });

    public static byte[] Outline(int size) =>
        Png(size, size, (x, y) => (255, 255, 255, (byte)Math.Round(255 * Coverage(size, x, y, margin: 0.02))));

    public static (byte R, byte G, byte B) ParseColor(string hex) =>
        (byte.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
         byte.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
         byte.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    /// <summary>How much of pixel (x, y) the cat covers, 0 to 1, with the cat drawn inside a margin of the icon.</summary>
    private static double Coverage(int size, int x, int y, double margin)
    {
        var inside = 0;
        for (var sy = 0; sy < Samples; sy++)
        {
            for (var sx = 0; sx < Samples; sx++)
            {
                var u = ((x + (sx + 0.5) / Samples) / size - margin) / (1 - 2 * margin);
                var v = ((y + (sy + 0.5) / Samples) / size - margin) / (1 - 2 * margin);
                if (IsCat(u, v))
                {
                    inside++;
                }
            }
        }

        return inside / (double)(Samples * Samples);
    }

    /// <summary>The cat in a unit square: face and ears, minus eyes and nose.</summary>
    private static bool IsCat(double u, double v)
    {
        var face = InEllipse(u, v, 0.5, 0.6, 0.44, 0.38);
        var ears = InTriangle(u, v, (0.08, 0.5), (0.12, 0.02), (0.46, 0.28)) || InTriangle(u, v, (0.92, 0.5), (0.88, 0.02), (0.54, 0.28));
        var eyes = InEllipse(u, v, 0.33, 0.56, 0.065, 0.1) || InEllipse(u, v, 0.67, 0.56, 0.065, 0.1);
        var nose = InTriangle(u, v, (0.43, 0.72), (0.57, 0.72), (0.5, 0.8));
        return (face || ears) && !eyes && !nose;
    }

    private static bool InEllipse(double u, double v, double cx, double cy, double rx, double ry) =>
        Math.Pow((u - cx) / rx, 2) + Math.Pow((v - cy) / ry, 2) <= 1;

    private static bool InTriangle(double u, double v, (double X, double Y) a, (double X, double Y) b, (double X, double Y) c)
    {
        static double Side((double X, double Y) p, (double X, double Y) q, double u, double v) => (u - q.X) * (p.Y - q.Y) - (p.X - q.X) * (v - q.Y);
        var d1 = Side(a, b, u, v);
        var d2 = Side(b, c, u, v);
        var d3 = Side(c, a, u, v);
        return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
    }

    private static byte Blend(byte from, byte to, double amount) => (byte)Math.Round(from + (to - from) * amount);

    /// <summary>An 8-bit RGBA PNG: signature, IHDR, one zlib-compressed IDAT, IEND.</summary>
    private static byte[] Png(int width, int height, Func<int, int, (byte R, byte G, byte B, byte A)> pixel)
    {
        var raw = new byte[height * (1 + width * 4)];
        var i = 0;
        for (var y = 0; y < height; y++)
        {
            raw[i++] = 0; // filter: none
            for (var x = 0; x < width; x++)
            {
                var (r, g, b, a) = pixel(x, y);
                raw[i++] = r;
                raw[i++] = g;
                raw[i++] = b;
                raw[i++] = a;
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 6; // colour type: RGBA

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(four, data.Length);
        png.Write(four);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(four, Crc32(typeAndData));
        png.Write(four);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
