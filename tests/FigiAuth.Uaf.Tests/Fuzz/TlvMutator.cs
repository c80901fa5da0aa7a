using System.Buffers.Binary;
using FigiAuth.Uaf.Tlv;

namespace FigiAuth.Uaf.Tests.Fuzz;

/// <summary>
/// Seeded mutations of UAFV1TLV bytes. Raw mutations (bit flips, byte insert/delete, truncation, length
/// and tag edits in place) mostly break the outer lengths; tree mutations (duplicate, drop, reorder,
/// retag, resize, nest) re-encode with consistent lengths so the input reaches the field rules.
/// </summary>
public sealed class TlvMutator(Random random)
{
    private static readonly ushort[] Tags =
    [
        UafTag.UafV1RegAssertion, UafTag.UafV1AuthAssertion, UafTag.UafV1Krd, UafTag.UafV1SignedData,
        UafTag.AttestationCert, UafTag.Signature, UafTag.AttestationBasicFull, UafTag.AttestationBasicSurrogate,
        UafTag.AttestationEcdaa, UafTag.KeyId, UafTag.FinalChallengeHash, UafTag.Aaid, UafTag.PublicKey,
        UafTag.Counters, UafTag.AssertionInfo, UafTag.AuthenticatorNonce, UafTag.TransactionContentHash,
        UafTag.Extension, UafTag.ExtensionNonCritical, UafTag.ExtensionId, UafTag.ExtensionData,
        UafTag.UserVerificationIndex, UafTag.UserVerificationState, 0x0000, 0xFFFF, 0x3E0A, 0x1000, 0x2000,
    ];

    /// <summary>Random bytes, often starting with a plausible header.</summary>
    public byte[] RandomBytes(int maxLength)
    {
        var bytes = new byte[random.Next(maxLength + 1)];
        random.NextBytes(bytes);
        if (bytes.Length >= 4 && random.Next(2) == 0)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes, Tags[random.Next(Tags.Length)]);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), (ushort)(bytes.Length - 4 + random.Next(-2, 3)));
        }
        return bytes;
    }

    /// <summary>One to three mutations of <paramref name="valid"/>.</summary>
    public byte[] Mutate(byte[] valid)
    {
        var bytes = valid;
        for (var rounds = random.Next(1, 4); rounds > 0; rounds--)
            bytes = MutateOnce(bytes);
        return bytes;
    }

    private byte[] MutateOnce(byte[] input) => random.Next(12) switch
    {
        0 => FlipBits(input),
        1 => InsertBytes(input),
        2 => DeleteBytes(input),
        3 => Truncate(input),
        4 => EditLengthInPlace(input),
        5 => EditTagInPlace(input),
        6 => NestingBomb(random.Next(1, 1000), input),
        _ => MutateTree(input),
    };

    private byte[] FlipBits(byte[] input)
    {
        if (input.Length == 0)
            return input;
        var bytes = (byte[])input.Clone();
        for (var n = random.Next(1, 9); n > 0; n--)
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        return bytes;
    }

    private byte[] InsertBytes(byte[] input)
    {
        var at = random.Next(input.Length + 1);
        var extra = new byte[random.Next(1, 9)];
        random.NextBytes(extra);
        return [.. input.AsSpan(0, at), .. extra, .. input.AsSpan(at)];
    }

    private byte[] DeleteBytes(byte[] input)
    {
        if (input.Length == 0)
            return input;
        var at = random.Next(input.Length);
        var count = Math.Min(random.Next(1, 9), input.Length - at);
        return [.. input.AsSpan(0, at), .. input.AsSpan(at + count)];
    }

    private byte[] Truncate(byte[] input) => input.AsSpan(0, random.Next(input.Length + 1)).ToArray();

    // A header found by walking the TLV structure; its length set to 0, +-1, 0xFFFF or a random value.
    private byte[] EditLengthInPlace(byte[] input)
    {
        var headers = HeaderOffsets(input);
        if (headers.Count == 0)
            return FlipBits(input);
        var bytes = (byte[])input.Clone();
        var at = headers[random.Next(headers.Count)] + 2;
        var length = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at));
        ushort edited = random.Next(5) switch
        {
            0 => 0,
            1 => (ushort)(length + 1),
            2 => (ushort)(length - 1),
            3 => ushort.MaxValue,
            _ => (ushort)random.Next(ushort.MaxValue + 1),
        };
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), edited);
        return bytes;
    }

    private byte[] EditTagInPlace(byte[] input)
    {
        var headers = HeaderOffsets(input);
        if (headers.Count == 0)
            return FlipBits(input);
        var bytes = (byte[])input.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(headers[random.Next(headers.Count)]), RandomTag());
        return bytes;
    }

    private ushort RandomTag() => random.Next(8) == 0 ? (ushort)random.Next(ushort.MaxValue + 1) : Tags[random.Next(Tags.Length)];

    /// <summary><paramref name="depth"/> composites around <paramref name="inner"/> (fewer when a length would overflow), written in one pass.</summary>
    public byte[] NestingBomb(int depth, byte[] inner)
    {
        depth = Math.Clamp((ushort.MaxValue - inner.Length) / 4, 0, depth);
        var bytes = new byte[4 * depth + inner.Length];
        for (var level = 0; level < depth; level++)
        {
            var tag = random.Next(3) switch { 0 => UafTag.Extension, 1 => UafTag.ExtensionNonCritical, _ => Tags[random.Next(Tags.Length)] | UafTag.CompositeBit };
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4 * level), (ushort)tag);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4 * level + 2), (ushort)(bytes.Length - 4 * (level + 1)));
        }
        inner.CopyTo(bytes, 4 * depth);
        return bytes;
    }

    private byte[] MutateTree(byte[] input)
    {
        var root = Node.Parse(input);
        var composites = new List<Node>();
        root.Collect(composites);
        if (composites.Count == 0)
            return FlipBits(input);
        var parent = composites[random.Next(composites.Count)];
        var children = parent.Children!;
        var i = children.Count == 0 ? -1 : random.Next(children.Count);
        switch (random.Next(9))
        {
            case 0 when i >= 0: // duplicate an element
                children.Insert(random.Next(children.Count + 1), children[i].Copy());
                break;
            case 1 when i >= 0: // drop an element
                children.RemoveAt(i);
                break;
            case 2 when i >= 0: // move an element
                var moved = children[i];
                children.RemoveAt(i);
                children.Insert(random.Next(children.Count + 1), moved);
                break;
            case 3 when i >= 0: // swap a tag for another
                children[i] = children[i] with { Tag = RandomTag() };
                break;
            case 4 when i >= 0 && children[i].Value is { } value: // resize or rewrite a value
                var resized = new byte[random.Next(3) switch { 0 => 0, 1 => Math.Max(0, value.Length + random.Next(-2, 3)), _ => random.Next(80) }];
                if (random.Next(2) == 0)
                    value.AsSpan(0, Math.Min(value.Length, resized.Length)).CopyTo(resized);
                else
                    random.NextBytes(resized);
                children[i] = children[i] with { Value = resized };
                break;
            case 5: // an extension, well-formed or not
                children.Insert(random.Next(children.Count + 1), Extension());
                break;
            case 6 when i >= 0: // many copies (element flooding)
                for (var n = random.Next(2, 200); n > 0; n--)
                    children.Insert(i, children[i].Copy());
                break;
            case 7 when i >= 0: // an element wrapped in nested composites
                children[i] = Node.Parse(NestingBomb(random.Next(1, 50), children[i].Encode())).Children![0];
                break;
            default: // an unknown element
                var unknown = new byte[random.Next(16)];
                random.NextBytes(unknown);
                children.Insert(random.Next(children.Count + 1), Node.Leaf(RandomTag(), unknown));
                break;
        }
        return root.Encode();
    }

    private Node Extension()
    {
        var id = new byte[random.Next(0, 40)];
        random.NextBytes(id);
        if (random.Next(2) == 0)
            id = System.Text.Encoding.UTF8.GetBytes($"ext-{random.Next(1000)}");
        var data = new byte[random.Next(0, 16)];
        random.NextBytes(data);
        var children = new List<Node> { Node.Leaf(UafTag.ExtensionId, id) };
        if (random.Next(3) > 0)
            children.Add(Node.Leaf(UafTag.ExtensionData, data));
        return new Node(random.Next(4) == 0 ? UafTag.Extension : UafTag.ExtensionNonCritical, null, children);
    }

    // Offsets of every header a lenient walk finds (composites descended when their value parses).
    private static List<int> HeaderOffsets(byte[] input)
    {
        var offsets = new List<int>();
        Walk(input, 0, input.Length, offsets, 0);
        return offsets;
    }

    private static void Walk(byte[] input, int start, int end, List<int> offsets, int depth)
    {
        var at = start;
        while (end - at >= 4 && depth < 64)
        {
            var tag = BinaryPrimitives.ReadUInt16LittleEndian(input.AsSpan(at));
            var length = BinaryPrimitives.ReadUInt16LittleEndian(input.AsSpan(at + 2));
            offsets.Add(at);
            if (length > end - at - 4)
                return;
            if (UafTag.IsComposite(tag))
                Walk(input, at + 4, at + 4 + length, offsets, depth + 1);
            at += 4 + length;
        }
    }

    /// <summary>A TLV element: a leaf with <see cref="Value"/>, or a composite with <see cref="Children"/>.</summary>
    public sealed record Node(ushort Tag, byte[]? Value, List<Node>? Children)
    {
        public static Node Leaf(ushort tag, byte[] value) => new(tag, value, null);

        /// <summary>A sequence as a synthetic root (tag 0) whose children are its elements; bytes that do not parse stay as a raw tail.</summary>
        public static Node Parse(byte[] bytes) => new(0, null, ParseSequence(bytes, 0));

        private static List<Node> ParseSequence(ReadOnlySpan<byte> bytes, int depth)
        {
            var nodes = new List<Node>();
            var at = 0;
            while (bytes.Length - at >= 4)
            {
                var tag = BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]);
                var length = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(at + 2)..]);
                if (length > bytes.Length - at - 4)
                    break;
                var value = bytes.Slice(at + 4, length);
                nodes.Add(UafTag.IsComposite(tag) && depth < 64 && Parses(value)
                    ? new Node(tag, null, ParseSequence(value, depth + 1))
                    : Leaf(tag, value.ToArray()));
                at += 4 + length;
            }
            if (at < bytes.Length)
                nodes.Add(new Node(0xFFFF, bytes[at..].ToArray(), null) { RawTail = true });
            return nodes;
        }

        private static bool Parses(ReadOnlySpan<byte> value)
        {
            var at = 0;
            while (value.Length - at >= 4)
            {
                var length = BinaryPrimitives.ReadUInt16LittleEndian(value[(at + 2)..]);
                if (length > value.Length - at - 4)
                    return false;
                at += 4 + length;
            }
            return at == value.Length;
        }

        /// <summary>Bytes that did not parse as TLV: written back verbatim, without a header.</summary>
        public bool RawTail { get; init; }

        public Node Copy() => this with { Value = (byte[]?)Value?.Clone(), Children = Children?.Select(c => c.Copy()).ToList() };

        public void Collect(List<Node> composites)
        {
            if (Children is null)
                return;
            composites.Add(this);
            foreach (var child in Children)
                child.Collect(composites);
        }

        public byte[] Encode()
        {
            if (Tag == 0 && Value is null && Children is not null && !RawTail)
                return EncodeSequence(Children);
            var writer = new UafTlvWriter();
            WriteTo(writer);
            return writer.ToArray();
        }

        private static byte[] EncodeSequence(List<Node> nodes)
        {
            var writer = new UafTlvWriter();
            foreach (var node in nodes)
                node.WriteTo(writer);
            return writer.ToArray();
        }

        private void WriteTo(UafTlvWriter writer)
        {
            if (RawTail)
            {
                writer.WriteRaw(Value);
                return;
            }
            var value = Children is null ? Value! : EncodeSequence(Children);
            writer.Write(Tag, value.AsSpan(0, Math.Min(value.Length, ushort.MaxValue)));
        }
    }
}
