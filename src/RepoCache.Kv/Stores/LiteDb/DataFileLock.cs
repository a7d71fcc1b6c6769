using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Stores.LiteDb;

/// <summary>
/// Exclusive hold on a data file through a sidecar <c>&lt;file&gt;.lock</c> that records the holder's process id.
/// </summary>
/// <remarks>
/// LiteDB 5.0.21 opens its file with a share mode that lets a second writer in on Linux (a second LiteDatabase on
/// the same file opens and writes), and two writers corrupt it.
/// .NET takes an advisory <c>flock(LOCK_EX)</c> for <see cref="FileShare.None"/> on Unix and a mandatory share lock on
/// Windows, and the operating system drops either when the process dies, so a crash never leaves a stale lock.
/// </remarks>
internal sealed class DataFileLock : IDisposable
{
    private readonly FileStream stream;

    private DataFileLock(string lockPath, FileStream stream)
    {
        LockPath = lockPath;
        this.stream = stream;
    }

    /// <summary>Path of the sidecar lock file.</summary>
    public string LockPath { get; }

    /// <summary>Takes the lock for <paramref name="dataFilePath"/>, or throws naming the process that holds it.</summary>
    public static DataFileLock Acquire(string dataFilePath)
    {
        var lockPath = dataFilePath + ".lock";

        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException error) when (IsHeldByAnotherOpen(error))
        {
            var holder = ReadHolderProcessId(lockPath);
            var holderText = holder is null ? "another process" : $"process {holder}";
            throw new KvException(
                503,
                KvErrorCodes.StoreUnavailable,
                $"KV data file '{dataFilePath}' is in use by {holderText}. Stop that process or open another data file.");
        }

        var pid = Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        stream.SetLength(0);
        stream.Write(pid);
        stream.Flush(flushToDisk: true);

        return new DataFileLock(lockPath, stream);
    }

    /// <summary>Releases the lock. The sidecar file stays, because deleting it could let two processes lock different files.</summary>
    public void Dispose() => stream.Dispose();

    // .NET reports a refused flock with the errno as HResult (EWOULDBLOCK: 11 on Linux, 35 on macOS) and a
    // Windows share conflict as ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION.
    private static bool IsHeldByAnotherOpen(IOException error) =>
        error.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);

    private static int? ReadHolderProcessId(string lockPath)
    {
        try
        {
            var text = ReadWithoutLocking(lockPath);
            return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    // A FileStream opened by path takes flock(LOCK_SH) on Unix, which the holder's LOCK_EX refuses. Reading through a
    // plain open(2) descriptor skips .NET's locking, as `cat` does. Windows' share lock blocks every reader.
    private static string ReadWithoutLocking(string lockPath)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new IOException($"'{lockPath}' is locked by another process and cannot be read on Windows.");
        }

        var descriptor = NativeMethods.Open(lockPath, NativeMethods.ReadOnly);
        if (descriptor < 0)
        {
            throw new IOException($"'{lockPath}' could not be opened (errno {Marshal.GetLastPInvokeError()}).");
        }

        using var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        using var reader = new FileStream(handle, FileAccess.Read);
        using var text = new StreamReader(reader, Encoding.ASCII);
        return text.ReadToEnd();
    }

    private static class NativeMethods
    {
        public const int ReadOnly = 0;

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    }
}
