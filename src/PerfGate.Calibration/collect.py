#!/usr/bin/env python3
"""PerfGate calibration collector: measures, on the GPU it runs on, every table PerfGate's estimator reads.

Each timed sequence of calls is captured in a CUDA graph and replayed, so CPU launch gaps do not inflate small
kernels (the estimate is of a CUDA-graph decode step). Weights rotate among copies larger than L2 so they stream
from HBM.

Usage (one GPU; writes gemm.csv, attention_decode.csv, attention_prefill.csv, bandwidth.csv, device.txt):
    python3 collect.py OUTPUT_DIR [--quick] [--only gemm,attention,prefill,bandwidth,chain]
All-reduce rows (one process per GPU; appends all_reduce_N rows to OUTPUT_DIR/bandwidth.csv):
    torchrun --nproc_per_node N collect.py OUTPUT_DIR --only allreduce

Columns (PerfGate's CalibrationLoader reads the first ones named; the others are for people; a test binds these
lists to the loader):
    gemm.csv              dtype,m,n,k,time_us,tflops,weight_gbps
    attention_decode.csv  dtype,batch,q_heads,kv_heads,head_dim,context,time_us,kv_read_gbps
    attention_prefill.csv dtype,q_heads,kv_heads,head_dim,seq,time_us,tflops
    bandwidth.csv         op,bytes_moved,time_us,gbps   (op: copy, read, tiny_kernel, kernel_chain, all_reduce_N)
"""
import argparse
import csv
import hashlib
import math
import os
import sys
import time

GEMM_COLUMNS = ["dtype", "m", "n", "k", "time_us", "tflops", "weight_gbps"]
ATTENTION_COLUMNS = ["dtype", "batch", "q_heads", "kv_heads", "head_dim", "context", "time_us", "kv_read_gbps"]
ATTENTION_PREFILL_COLUMNS = ["dtype", "q_heads", "kv_heads", "head_dim", "seq", "time_us", "tflops"]
BANDWIDTH_COLUMNS = ["op", "bytes_moved", "time_us", "gbps"]
BANDWIDTH_OPS = ["copy", "read", "tiny_kernel", "kernel_chain"]
ALL_REDUCE_PREFIX = "all_reduce_"

# Weight shapes (n, k): the projections of Llama-3 8B/70B, Qwen2/QwQ, DeepSeek-V3's dense parts, and square
# sizes from 1024 to 16384, so lookups between shapes interpolate over a wide range of weight bytes.
GEMM_SHAPES = [(4096, 4096), (6144, 4096), (28672, 4096), (4096, 14336), (7168, 5120), (5120, 5120), (55296, 5120),
               (5120, 27648), (10240, 8192), (14784, 8192), (8192, 7392), (152064, 5120), (128256, 4096),
               (1024, 1024), (2048, 2048), (16384, 16384), (24576, 7168), (7168, 2048), (4096, 7168), (2112, 7168)]
GEMM_M = {"bf16": [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384],
          "fp8": [16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384]}
ATTENTION_LAYOUTS = [(32, 8, 128), (40, 8, 128), (64, 8, 128), (8, 1, 128), (16, 2, 128), (28, 4, 128)]
ATTENTION_BATCH = [1, 4, 8, 16, 32, 64, 128]
ATTENTION_CONTEXT = [256, 1024, 4096, 16384, 32768]
# Causal prefill attention, batch 1: the query-head layouts of Llama-3-8B (32/8), QwQ-32B (40/8) and Qwen2-72B /
# Llama-3-70B (64/8), head dim 128, prompts of 512 to 32768 tokens.
ATTENTION_PREFILL_LAYOUTS = [(32, 8, 128), (40, 8, 128), (64, 8, 128)]
ATTENTION_PREFILL_SEQ = [512, 1024, 2048, 4096, 8192, 16384, 32768]
# A chain of small real kernels in one graph: the fixed per-kernel part of kernels that do work (PerfGate's
# KernelFit otherwise derives it from the small GEMM rows). Each link reads and writes one hidden vector per token.
CHAIN_LENGTH = 256
CHAIN_HIDDEN = [4096, 8192]
CHAIN_TOKENS = [1, 8]
ALL_REDUCE_BYTES = [1024, 8192, 65536, 262144, 1048576, 8388608]


def graph_ms(torch, calls, reps=5):
    """Captures calls (zero-argument callables) in one CUDA graph; returns GPU milliseconds per call."""
    s = torch.cuda.Stream()
    s.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(s):
        for f in calls:
            f()
    torch.cuda.current_stream().wait_stream(s)
    g = torch.cuda.CUDAGraph()
    with torch.cuda.graph(g):
        for f in calls:
            f()
    g.replay()
    torch.cuda.synchronize()
    a, b = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    a.record()
    for _ in range(reps):
        g.replay()
    b.record()
    torch.cuda.synchronize()
    ms = a.elapsed_time(b) / reps / len(calls)
    del g
    return ms


def gemm(torch, out, quick):
    dev = torch.device("cuda")
    with open(os.path.join(out, "gemm.csv"), "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(GEMM_COLUMNS)
        for dtype in ["bf16", "fp8"]:
            if dtype == "fp8" and not hasattr(torch, "float8_e4m3fn"):
                continue
            for n, k in (GEMM_SHAPES[:4] if quick else GEMM_SHAPES):
                wbytes = n * k * (2 if dtype == "bf16" else 1)
                copies = max(2, min(16, math.ceil(384 * 1024 ** 2 / wbytes)))
                ws = [torch.randn(n, k, device=dev, dtype=torch.bfloat16) * 0.02 for _ in range(copies)]
                if dtype == "fp8":
                    ws = [x.to(torch.float8_e4m3fn) for x in ws]
                one = torch.tensor(1.0, device=dev)
                for m in GEMM_M[dtype]:
                    if m * max(n, k) * 2 > 6 * 1024 ** 3:
                        continue
                    a = torch.randn(m, k, device=dev, dtype=torch.bfloat16)
                    if dtype == "fp8":
                        a8 = a.to(torch.float8_e4m3fn)
                        calls = [(lambda wi=wi: torch._scaled_mm(a8, wi.t(), scale_a=one, scale_b=one, out_dtype=torch.bfloat16)) for wi in ws]
                    else:
                        calls = [(lambda wi=wi: a @ wi.t()) for wi in ws]
                    calls = calls * (1 if m * n * k > 5e10 else max(1, 32 // copies))
                    ms = graph_ms(torch, calls)
                    w.writerow([dtype, m, n, k, f"{ms * 1000:.3f}", f"{2 * m * n * k / ms / 1e9:.2f}", f"{wbytes / ms / 1e6:.1f}"])
                    del a
                del ws
                torch.cuda.empty_cache()
            fh.flush()


def attention(torch, out, quick):
    import torch.nn.functional as F
    dev = torch.device("cuda")
    with open(os.path.join(out, "attention_decode.csv"), "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(ATTENTION_COLUMNS)
        for (h, hkv, d) in (ATTENTION_LAYOUTS[:1] if quick else ATTENTION_LAYOUTS):
            for b in ATTENTION_BATCH:
                for ctx in ATTENTION_CONTEXT:
                    kvb = 2 * b * ctx * hkv * d * 2
                    if kvb > 16 * 1024 ** 3:
                        continue
                    copies = max(1, min(8, math.ceil(256 * 1024 ** 2 / kvb)))
                    q = torch.randn(b, h, 1, d, device=dev, dtype=torch.bfloat16)
                    kvs = [(torch.randn(b, hkv, ctx, d, device=dev, dtype=torch.bfloat16),
                            torch.randn(b, hkv, ctx, d, device=dev, dtype=torch.bfloat16)) for _ in range(copies)]
                    calls = [(lambda k=k, v=v: F.scaled_dot_product_attention(q, k, v, enable_gqa=True)) for k, v in kvs]
                    ms = graph_ms(torch, calls * max(1, 16 // copies))
                    w.writerow(["bf16", b, h, hkv, d, ctx, f"{ms * 1000:.3f}", f"{kvb / ms / 1e6:.1f}"])
                    del q, kvs
                    torch.cuda.empty_cache()


def attention_prefill(torch, out, quick):
    """Causal flash attention of one prompt: F.scaled_dot_product_attention(q[1,h,S,d], k[1,hkv,S,d], v, is_causal=True,
    enable_gqa=True), bf16. tflops counts the causal FLOPs, 2 x S^2 x h x d (QK^T and PV over S^2 / 2 scores per head),
    the count PerfGate's CausalAttention uses."""
    import torch.nn.functional as F
    dev = torch.device("cuda")
    with open(os.path.join(out, "attention_prefill.csv"), "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(ATTENTION_PREFILL_COLUMNS)
        for (h, hkv, d) in (ATTENTION_PREFILL_LAYOUTS[:1] if quick else ATTENTION_PREFILL_LAYOUTS):
            for s in (ATTENTION_PREFILL_SEQ[:3] if quick else ATTENTION_PREFILL_SEQ):
                q = torch.randn(1, h, s, d, device=dev, dtype=torch.bfloat16)
                k = torch.randn(1, hkv, s, d, device=dev, dtype=torch.bfloat16)
                v = torch.randn(1, hkv, s, d, device=dev, dtype=torch.bfloat16)
                call = lambda: F.scaled_dot_product_attention(q, k, v, is_causal=True, enable_gqa=True)
                ms = graph_ms(torch, [call] * max(1, 8 * 4096 // s))
                flops = 2 * s * s * h * d
                w.writerow(["bf16", h, hkv, d, s, f"{ms * 1000:.3f}", f"{flops / ms / 1e9:.2f}"])
                del q, k, v
                torch.cuda.empty_cache()
            fh.flush()


def bandwidth(torch, out, quick, chain_only=False):
    dev = torch.device("cuda")
    path = os.path.join(out, "bandwidth.csv")
    rows = []
    if not chain_only:
        for size in ([64 * 1024 ** 2] if quick else [64 * 1024 ** 2, 256 * 1024 ** 2, 1024 ** 3, 4 * 1024 ** 3]):
            x = torch.empty(size // 2, dtype=torch.bfloat16, device=dev).normal_()
            y = torch.empty_like(x)
            ms = graph_ms(torch, [lambda: y.copy_(x)] * 4)
            rows.append(["copy", 2 * size, f"{ms * 1000:.3f}", f"{2 * size / ms / 1e6:.1f}"])
            ms = graph_ms(torch, [lambda: x.sum(dtype=torch.float32)] * 4)
            rows.append(["read", size, f"{ms * 1000:.3f}", f"{size / ms / 1e6:.1f}"])
            del x, y
            torch.cuda.empty_cache()
        z = torch.zeros(1, device=dev)
        ms = graph_ms(torch, [lambda: z.add_(1)] * 64)
        rows.append(["tiny_kernel", 4, f"{ms * 1000:.3f}", "0"])
    # kernel_chain: CHAIN_LENGTH dependent element-wise kernels (multiply by a weight vector, then add the
    # residual, alternating) on [tokens, hidden] bf16 activations, as a decoder layer's small kernels run.
    for hidden in CHAIN_HIDDEN:
        for tokens in CHAIN_TOKENS:
            x = torch.randn(tokens, hidden, device=dev, dtype=torch.bfloat16)
            r = torch.randn_like(x)
            wv = torch.randn(hidden, device=dev, dtype=torch.bfloat16)
            calls = [(lambda: x.mul_(wv)) if i % 2 == 0 else (lambda: x.add_(r)) for i in range(CHAIN_LENGTH)]
            ms = graph_ms(torch, calls)
            moved = 3 * tokens * hidden * 2
            rows.append(["kernel_chain", moved, f"{ms * 1000:.3f}", f"{moved / ms / 1e6:.1f}"])
    mode = "a" if chain_only and os.path.exists(path) else "w"
    with open(path, mode, newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        if mode == "w":
            w.writerow(BANDWIDTH_COLUMNS)
        w.writerows(rows)


def all_reduce(torch, out):
    """Run under torchrun: all-reduce of small messages over the group, captured in a graph (as an engine does)."""
    import torch.distributed as dist
    dist.init_process_group("nccl")
    rank, world = dist.get_rank(), dist.get_world_size()
    torch.cuda.set_device(rank % torch.cuda.device_count())
    rows = []
    for size in ALL_REDUCE_BYTES:
        x = torch.ones(size // 2, dtype=torch.bfloat16, device="cuda")
        dist.all_reduce(x)
        torch.cuda.synchronize()
        ms = graph_ms(torch, [lambda: dist.all_reduce(x)] * 16)
        t = torch.tensor([ms], device="cuda")
        dist.all_reduce(t, op=dist.ReduceOp.MAX)
        rows.append([f"{ALL_REDUCE_PREFIX}{world}", size, f"{t.item() * 1000:.3f}", f"{size / t.item() / 1e6:.1f}"])
    if rank == 0:
        path = os.path.join(out, "bandwidth.csv")
        new = not os.path.exists(path)
        with open(path, "a", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            if new:
                w.writerow(BANDWIDTH_COLUMNS)
            w.writerows(rows)
    dist.destroy_process_group()


def provenance(torch, out):
    p = torch.cuda.get_device_properties(0)
    with open(__file__, "rb") as fh:
        digest = hashlib.sha256(fh.read()).hexdigest()
    with open(os.path.join(out, "device.txt"), "w") as fh:
        fh.write(f"{p.name}\nSMs {p.multi_processor_count}\nmemory {p.total_memory}\n")
        fh.write(f"torch {torch.__version__} cuda {torch.version.cuda}\ncollect.py sha256 {digest}\n")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", help="folder for the tables (created)")
    parser.add_argument("--quick", action="store_true", help="a few shapes only, to try the collector (minutes)")
    parser.add_argument("--only", default="gemm,attention,prefill,bandwidth", help="comma list of gemm, attention, prefill, bandwidth, chain, allreduce")
    args = parser.parse_args(argv)
    parts = set(args.only.split(","))
    unknown = parts - {"gemm", "attention", "prefill", "bandwidth", "chain", "allreduce"}
    if unknown:
        parser.error(f"--only: unknown part(s) {', '.join(sorted(unknown))}")
    import torch
    if not torch.cuda.is_available():
        sys.exit("collect.py: no CUDA device; run it on the GPU to calibrate")
    os.makedirs(args.out, exist_ok=True)
    t0 = time.time()
    if "allreduce" in parts:
        all_reduce(torch, args.out)
        return
    if "gemm" in parts:
        gemm(torch, args.out, args.quick)
        print("gemm done", round(time.time() - t0, 1), flush=True)
    if "attention" in parts:
        attention(torch, args.out, args.quick)
        print("attention done", round(time.time() - t0, 1), flush=True)
    if "prefill" in parts:
        attention_prefill(torch, args.out, args.quick)
        print("prefill attention done", round(time.time() - t0, 1), flush=True)
    if "bandwidth" in parts or "chain" in parts:
        bandwidth(torch, args.out, args.quick, chain_only="bandwidth" not in parts)
        print("bandwidth done", round(time.time() - t0, 1), flush=True)
    provenance(torch, args.out)


if __name__ == "__main__":
    main(sys.argv[1:])
