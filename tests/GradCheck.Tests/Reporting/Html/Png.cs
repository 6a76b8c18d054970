using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace GradCheck.Tests.Reporting.Html;

/// <summary>
/// Just enough of a PNG decoder to look at a browser's screenshot: 8-bit RGB or RGBA, not interlaced
/// (what Chromium writes). The pixels come from the IDAT chunks, inflated and unfiltered row by row
/// as the PNG specification (section 9) says.
/// </summary>
internal sealed class Png
{
    public static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private Png(int width, int height, int[] pixels)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Each pixel as 0xRRGGBB (alpha dropped: screenshots are opaque), row by row.</summary>
    public int[] Pixels { get; }

    public static Png Decode(byte[] file)
    {
        if (!file.AsSpan().StartsWith(Signature))
        {
            throw new InvalidDataException("Not a PNG: the signature is missing.");
        }

        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        for (int offset = Signature.Length; offset + 8 <= file.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(offset));
            string type = Encoding.ASCII.GetString(file, offset + 4, 4);
            ReadOnlySpan<byte> data = file.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                (byte depth, byte color, byte interlace) = (data[8], data[9], data[12]);
                if (depth != 8 || color is not (2 or 6) || interlace != 0)
                {
                    throw new InvalidDataException($"Only 8-bit, non-interlaced RGB or RGBA is supported (depth {depth}, colour type {color}, interlace {interlace}).");
                }

                channels = color == 6 ? 4 : 3;
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }

            offset += 12 + length;
        }

        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        int stride = width * channels;
        byte[] previous = new byte[stride];
        byte[] row = new byte[stride];
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++)
        {
            int filter = inflater.ReadByte();
            inflater.ReadExactly(row);
            Unfilter(filter, row, previous, channels);
            for (int x = 0; x < width; x++)
            {
                int i = x * channels;
                pixels[(y * width) + x] = (row[i] << 16) | (row[i + 1] << 8) | row[i + 2];
            }

            (previous, row) = (row, previous);
        }

        return new Png(width, height, pixels);
    }

    private static void Unfilter(int filter, byte[] row, byte[] above, int bpp)
    {
        for (int i = 0; i < row.Length; i++)
        {
            int left = i >= bpp ? row[i - bpp] : 0;
            int up = above[i];
            int upLeft = i >= bpp ? above[i - bpp] : 0;
            int predicted = filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => throw new InvalidDataException($"Unknown PNG filter {filter}."),
            };
            row[i] = (byte)(row[i] + predicted);
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
