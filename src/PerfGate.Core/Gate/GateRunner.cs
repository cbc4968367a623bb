using PerfGate.Diagnostics;
using PerfGate.Threading;

namespace PerfGate.Gate;

/// <summary>
/// The gate's two operations on a <see cref="BaselineStore"/>: <see cref="Check"/> (compare, write received
/// snapshots for drifted and new scenarios, clean stale ones) and <see cref="Approve"/> (promote the
/// recomputed snapshots to verified, one atomic write each, and delete baselines of removed scenarios).
/// Pure apart from the store; the front ends only parse options and print.
/// </summary>
public static class GateRunner
{
    private static readonly Dictionary<string, int> EmptyLines = new(StringComparer.Ordinal);

    /// <param name="store">The baselines.</param>
    /// <param name="current">The recomputed snapshots.</param>
    /// <param name="tolerances">Per-metric tolerances.</param>
    /// <param name="owns">
    /// Which baselines this check covers, by scenario id (a shard's: <see cref="Run.ScenarioShard.Owns"/>); null: all.
    /// Baselines (and received files) of other ids are neither read nor reported as removed.
    /// </param>
    /// <param name="parallelism">How many baselines are read and parsed at once; the result does not depend on it.</param>
    /// <param name="accepted">Accepted differences (scenario, metric glob, reason, expiry) that pass as accepted.</param>
    /// <param name="today">The date accepted differences expire against.</param>
    public static GateCheckOutcome Check(BaselineStore store, IReadOnlyList<CurrentScenario> current, IReadOnlyList<GateTolerance> tolerances, Func<string, bool>? owns = null, int parallelism = 1, IReadOnlyList<AcceptedDifference>? accepted = null, DateOnly today = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        owns ??= _ => true;

        // Holding the folder's lock, no other run is writing: left-over temporary files are from a killed one. A check
        // never waits: without the lock it only compares and writes received files.
        var (lease, _) = Lock(store);
        using (lease)
        {
            if (lease is not null)
            {
                CleanUp(store);
            }

            return CheckLocked(store, current, tolerances, owns, parallelism, accepted, today);
        }
    }

    /// <summary>
    /// Takes the baselines folder's lock. <c>Held</c>: another run has it. Neither lease nor held: the lock file cannot be
    /// created (a read-only folder); the run goes on, and its own writes report what fails.
    /// </summary>
    private static (IDisposable? Lease, bool Held) Lock(BaselineStore store)
    {
        try
        {
            var lease = store.TryLock();
            return (lease, lease is null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, false);
        }
    }

    /// <summary>Removes what a killed run left; a file that cannot be removed is left for a later run.</summary>
    private static void CleanUp(BaselineStore store)
    {
        try
        {
            store.DeleteInterruptedWrites();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not the gate's result: the next run with write access removes it.
        }
    }

    private static GateCheckOutcome CheckLocked(BaselineStore store, IReadOnlyList<CurrentScenario> current, IReadOnlyList<GateTolerance> tolerances, Func<string, bool> owns, int parallelism, IReadOnlyList<AcceptedDifference>? accepted, DateOnly today)
    {
        // Each snapshot is compared byte for byte with its baseline where the baseline is read (SnapshotWriter.Matches): a
        // baseline that did not move (most of every check) is neither parsed nor compared figure by figure, and no text of
        // it is kept. Only a drifted scenario's text is written and kept, for its received file; a new scenario's is
        // written when its received file is.
        var recomputed = new Dictionary<string, CurrentScenario>(current.Count, StringComparer.Ordinal);
        foreach (var c in current)
        {
            recomputed[c.Snapshot.ScenarioId] = c;
        }

        var (baselines, texts, errors) = ReadBaselines(store, recomputed, owns, parallelism);
        if (errors.Count > 0)
        {
            return new GateCheckOutcome(null, errors);
        }

        var result = SnapshotComparer.Compare(current, baselines, tolerances, store.VerifiedPath, accepted, today);

        // Listed once: an equal scenario's received file is removed only when there is one (no call per scenario).
        var received = store.ListReceived().ToHashSet(StringComparer.Ordinal);
        var currentIds = new HashSet<string>(StringComparer.Ordinal);
        var writeErrors = new List<Diagnostic>();
        foreach (var comparison in result.Scenarios)
        {
            if (comparison.Current is null)
            {
                continue;
            }

            currentIds.Add(comparison.ScenarioId);
            if (comparison.Status == ScenarioStatus.Equal)
            {
                if (received.Contains(comparison.ScenarioId))
                {
                    Guard(store, comparison.ScenarioId, writeErrors, () => store.DeleteReceived(comparison.ScenarioId), "delete the stale received snapshot");
                }
            }
            else
            {
                // Written during the comparison when the scenario had a baseline; a new scenario's is written here.
                var text = texts.GetValueOrDefault(comparison.ScenarioId) ?? SnapshotWriter.Write(comparison.Current);
                Guard(store, comparison.ScenarioId, writeErrors, () => store.WriteReceived(comparison.ScenarioId, text), "write the received snapshot");
            }
        }

        // A received file whose scenario is gone is stale too.
        foreach (var name in received.Where(n => owns(n) && !currentIds.Contains(n)).Order(StringComparer.Ordinal))
        {
            Guard(store, name, writeErrors, () => store.DeleteReceived(name), "delete the stale received snapshot");
        }

        // The comparison stands; an unwritable received file is an input problem (PG1007) reported beside it.
        return new GateCheckOutcome(result, writeErrors);
    }

    /// <summary>Runs one received-file operation; an I/O failure becomes a PG1007 error at the received file.</summary>
    private static void Guard(BaselineStore store, string name, List<Diagnostic> errors, Action operation, string what)
    {
        try
        {
            operation();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(Diagnostic.Error(
                DiagnosticIds.ReceivedNotWritable,
                $"check could not {what} of '{name}': {ex.Message.TrimEnd('.')}. The comparison itself is complete; make the baselines folder writable " +
                "(or remove the file by hand) and run check again",
                new SourceLocation(store.ReceivedPath(name))));
        }
    }

    /// <summary>
    /// Approves <paramref name="names"/> (or every scenario and every removed baseline when <paramref name="all"/>).
    /// The content approved is the recomputed snapshot, which equals the received file of the last check
    /// unless an input changed since (then the received file is stale and is noted). Every name is
    /// resolved before the first write; an I/O failure mid-way stops with PG1005 and leaves each baseline
    /// either old or new, never partial.
    /// </summary>
    public static ApproveOutcome Approve(BaselineStore store, IReadOnlyList<CurrentScenario> current, IReadOnlyList<string> names, bool all)
    {
        var (lease, held) = Lock(store);
        using var release = lease;
        if (held)
        {
            return new ApproveOutcome([], [Diagnostic.Error(
                DiagnosticIds.BaselinesLocked,
                $"approve refused: another perfgate run is writing this baselines folder (it holds the lock {store.LockPath}); nothing was written. Wait for it to finish and run approve again",
                new SourceLocation(store.LockPath))]);
        }

        if (lease is not null)
        {
            CleanUp(store);
        }

        var byId = current.ToDictionary(c => c.Snapshot.ScenarioId, StringComparer.Ordinal);
        var existing = store.ListVerified();
        var selected = all
            ? byId.Keys.Union(existing, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
            : Expand(names, byId.Keys.Union(existing, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
        var unknown = selected.Where(n => !byId.ContainsKey(n) && !existing.Contains(n, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            var known = string.Join(", ", byId.Keys.Union(existing, StringComparer.Ordinal).Order(StringComparer.Ordinal));
            return new ApproveOutcome([], unknown.Select(n => Diagnostic.Error(
                DiagnosticIds.UnknownReference,
                $"approve: no scenario or baseline named '{n}'{Yaml.Suggestions.DidYouMean(n, byId.Keys.Union(existing, StringComparer.Ordinal))}; known: {(known.Length == 0 ? "(none)" : known)}",
                SourceLocation.None)).ToArray());
        }

        var plan = selected.Select(n => Plan(store, n, byId.GetValueOrDefault(n))).ToList();
        for (var i = 0; i < plan.Count; i++)
        {
            var (approval, text) = plan[i];
            try
            {
                switch (approval.Action)
                {
                    case ApprovalAction.Removed: store.Remove(approval.ScenarioId); break;
                    case ApprovalAction.Unchanged: store.DeleteReceived(approval.ScenarioId); break;
                    default: store.Promote(approval.ScenarioId, text!); break;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                var done = plan.Take(i).Select(p => p.Approval).ToList();
                var notDone = plan.Skip(i).Select(p => p.Approval with { Done = false }).ToList();
                var message = $"approve stopped at '{approval.ScenarioId}': {ex.Message.TrimEnd('.')}. {done.Count} scenario(s) approved before it, " +
                    $"{notDone.Count} not approved; every baseline holds either its old or its new content. Fix the cause and run approve again.";
                return new ApproveOutcome([.. done, .. notDone], [Diagnostic.Error(DiagnosticIds.ApproveInterrupted, message, new SourceLocation(store.VerifiedPath(approval.ScenarioId)))]);
            }
        }

        return new ApproveOutcome(plan.Select(p => p.Approval).ToArray(), []);
    }

    /// <summary>Names as given, globs (<c>qwq-*</c>) replaced by the ids they match; a glob matching nothing stays, to be reported unknown.</summary>
    private static List<string> Expand(IReadOnlyList<string> names, IReadOnlyList<string> known)
    {
        var expanded = new List<string>();
        foreach (var name in names)
        {
            var matches = name.AsSpan().IndexOfAny('*', '?') >= 0 ? known.Where(k => Syntax.Glob.IsMatch(name, k)).ToList() : [];
            expanded.AddRange(matches.Count > 0 ? matches : [name]);
        }

        return expanded.Distinct(StringComparer.Ordinal).ToList();
    }

    private static (Approval Approval, string? Text) Plan(BaselineStore store, string name, CurrentScenario? current)
    {
        // A baseline that cannot be read (not UTF-8, a folder) is replaced; its old figures cannot be shown.
        var verifiedText = store.ReadVerifiedChecked(name).Text;
        if (current is null)
        {
            return (new Approval(name, ApprovalAction.Removed, null, false), null);
        }

        var text = SnapshotWriter.Write(current.Snapshot);
        var received = store.ReadReceived(name);
        var stale = received is not null && received != text;
        if (verifiedText is null)
        {
            return (new Approval(name, ApprovalAction.Created, null, stale), text);
        }

        if (verifiedText == text)
        {
            return (new Approval(name, ApprovalAction.Unchanged, null, stale), text);
        }

        // Show every difference against the old baseline (tolerances ignored); a corrupt baseline has none to show.
        var old = SnapshotReader.Read(verifiedText, store.VerifiedPath(name));
        var changes = old.Document is { } doc ? SnapshotComparer.CompareOne(current, doc, []) : null;
        return (new Approval(name, ApprovalAction.Updated, changes, stale), text);
    }

    /// <summary>
    /// The baselines of the check, read and parsed on several cores and gathered in the store's order (the result is the
    /// same on one). <c>Texts</c> holds, by scenario id, the recomputed text of each scenario whose baseline was read but
    /// not byte-equal, written for the comparison; an equal scenario or one with no baseline is not in it.
    /// </summary>
    private static (List<SnapshotDocument> Baselines, Dictionary<string, string> Texts, List<Diagnostic> Errors) ReadBaselines(BaselineStore store, IReadOnlyDictionary<string, CurrentScenario> recomputed, Func<string, bool> owns, int parallelism)
    {
        var scenarioIds = recomputed.Keys;
        var baselines = new List<SnapshotDocument>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<Diagnostic>();

        // A folder where a scenario's baseline belongs is not "no baseline yet".
        foreach (var id in scenarioIds.Where(BaselineStore.IsValidName).Where(owns).Except(store.ListVerified(), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (store.ReadVerifiedChecked(id).Error is { } folder)
            {
                errors.Add(folder);
            }
        }

        var names = store.ListVerified().Where(owns).ToArray();
        var reads = OrderedParallel.Map(names, parallelism, name =>
        {
            // A baseline that did not move is compared byte for byte with the recomputed text, never decoded or parsed.
            var known = recomputed.TryGetValue(name, out var now);
            var (text, unreadable, same) = store.ReadVerifiedComparing(name, known ? now!.Snapshot : null);
            if (same)
            {
                return (Unreadable: unreadable, Read: new SnapshotReadResult(new SnapshotDocument(store.VerifiedPath(name), now!.Snapshot, EmptyLines, SnapshotWriter.ScenarioLine) { Verbatim = true }, null), Text: (string?)null);
            }

            return (Unreadable: unreadable, Read: unreadable is null ? SnapshotReader.Read(text ?? string.Empty, store.VerifiedPath(name)) : null, Text: known ? SnapshotWriter.Write(now!.Snapshot) : null);
        });
        for (var i = 0; i < names.Length; i++)
        {
            var (name, (unreadable, read, text)) = (names[i], reads[i]);
            if (text is not null)
            {
                texts[name] = text;
            }

            var path = store.VerifiedPath(name);
            if (unreadable is not null)
            {
                errors.Add(unreadable);
                continue;
            }

            if (read!.Document is not { } document)
            {
                errors.Add(read.Error!);
                continue;
            }

            if (document.Snapshot.ScenarioId != name)
            {
                errors.Add(Diagnostic.Error(
                    DiagnosticIds.CorruptBaseline,
                    $"corrupt baseline: the file is named for scenario '{name}' but says 'scenario = {document.Snapshot.ScenarioId}'; a baseline is <scenario>{store.VerifiedSuffix}",
                    new SourceLocation(path, document.ScenarioLine, 12)));
                continue;
            }

            baselines.Add(document);
        }

        return (baselines, texts, errors);
    }
}
