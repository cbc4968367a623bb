namespace PerfGate.Gate;

/// <summary>
/// One file a snapshot was computed from: its path relative to the workspace (forward slashes;
/// built-in catalog documents as <c>builtin:hardware/h100-sxm.yaml</c>) and the SHA-256 of its content, lowercase hex.
/// </summary>
public sealed record InputFileHash(string Path, string Sha256);
