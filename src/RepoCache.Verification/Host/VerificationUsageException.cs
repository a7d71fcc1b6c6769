namespace RepoCache.Verification.Host;

/// <summary>Invalid verification parameters or feed; the message names the value, the rule and the fix.</summary>
public sealed class VerificationUsageException(string message) : Exception(message);
