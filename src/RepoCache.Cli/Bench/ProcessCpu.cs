using System.Diagnostics;
using System.Runtime.InteropServices;

namespace RepoCache.Cli.Bench;

/// <summary>Processor time used by this process and by its finished child processes.</summary>
internal static class ProcessCpu
{
    private const int RusageChildren = -1;

    /// <summary>Returns the user plus system processor time this process has used so far.</summary>
    public static TimeSpan Current()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>
    /// Returns the user plus system processor time of every child process this process has waited for, or null
    /// where <c>getrusage</c> is not available. The difference between two calls is the time of the children
    /// that ended in between.
    /// </summary>
    public static TimeSpan? FinishedChildren()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        if (GetResourceUsage(RusageChildren, out var usage) != 0)
        {
            return null;
        }

        return ToTimeSpan(usage.UserTime) + ToTimeSpan(usage.SystemTime);
    }

    private static TimeSpan ToTimeSpan(TimeValue value) =>
        TimeSpan.FromTicks(value.Seconds * TimeSpan.TicksPerSecond + value.Microseconds * TimeSpan.TicksPerMicrosecond);

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);

    // struct timeval and the start of struct rusage on 64-bit Linux; the 14 counters after the two times are unused.
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeValue
    {
        public long Seconds;
        public long Microseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public TimeValue UserTime;
        public TimeValue SystemTime;
        public UnusedCounters Counters;
    }

    [System.Runtime.CompilerServices.InlineArray(14)]
    private struct UnusedCounters
    {
        private long first;
    }
}
