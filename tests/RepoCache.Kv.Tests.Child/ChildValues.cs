namespace RepoCache.Kv.Tests.Child;

/// <summary>The keys and values the child writes, computed the same way by the tests that check them.</summary>
public static class ChildValues
{
    /// <summary>Returns the key of write number <paramref name="index"/>.</summary>
    public static string KeyFor(int index) => $"key-{index:D6}";

    /// <summary>Returns the value of write number <paramref name="index"/>: <paramref name="length"/> bytes derived from the index.</summary>
    public static byte[] ValueFor(int index, int length)
    {
        var value = new byte[length];
        for (var position = 0; position < length; position++)
        {
            value[position] = (byte)((index * 31) + position);
        }

        return value;
    }
}
