namespace PerfGate.Workspace;

/// <summary>One file the workspace was loaded from, with its SHA-256 (lower-case hex) for snapshots.</summary>
public sealed record WorkspaceInput(string RelativePath, string Sha256, WorkspaceInputKind Kind);
