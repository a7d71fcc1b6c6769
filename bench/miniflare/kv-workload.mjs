// Runs the RepoCache benchmark's KV workload against Miniflare's in-process KV binding and prints the
// figures as one JSON object on standard output. Everything stays on this machine: Miniflare binds to
// 127.0.0.1, its cf.json download is disabled twice (cf: false and CLOUDFLARE_CF_FETCH_ENABLED=false),
// and the binding talks to the local workerd process only.
//
// Usage: node kv-workload.mjs --keys-file FILE [--keys N] [--concurrency N] [--warmup N] [--page-size N] [--persist DIR]
// FILE contains one "key<TAB>value" line per key.

process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";

import { readFileSync, readdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";

const { Miniflare } = await import("miniflare");

const options = parseArguments(process.argv.slice(2));
const entries = readEntries(options.keysFile, options.keys);
const persistRoot = options.persist ?? mkdtempSync(join(tmpdir(), "repocache-miniflare-"));

const miniflare = new Miniflare({
  modules: true,
  script: "export default { fetch() { return new Response(null, { status: 404 }); } }",
  compatibilityDate: "2026-04-01",
  kvNamespaces: ["WARMUP", "SEQUENTIAL", "CONCURRENT"],
  kvPersist: persistRoot,
  cf: false,
  host: "127.0.0.1",
  port: 0,
});

try {
  await miniflare.ready;
  const results = [];

  const warmup = await miniflare.getKVNamespace("WARMUP");
  await runPhase(warmup, entries.slice(0, options.warmup), 1, "put", options.pageSize);
  await runPhase(warmup, entries.slice(0, options.warmup), 1, "get", options.pageSize);
  await runPhase(warmup, entries.slice(0, options.warmup), 1, "list", options.pageSize);

  for (const [mode, binding, callers] of [["sequential", "SEQUENTIAL", 1], ["concurrent", "CONCURRENT", options.concurrency]]) {
    const namespace = await miniflare.getKVNamespace(binding);
    for (const operation of ["put", "get", "list"]) {
      const figures = await runPhase(namespace, entries, callers, operation, options.pageSize);
      results.push({ operation, mode, callers, ...figures });
    }
  }

  process.stdout.write(JSON.stringify({
    peer: "miniflare",
    miniflareVersion: packageVersion("miniflare"),
    nodeVersion: process.versions.node,
    keys: entries.length,
    warmupKeys: options.warmup,
    pageSize: options.pageSize,
    storage: "kvPersist on a temporary folder (SQLite files written by workerd)",
    results,
  }) + "\n");
} finally {
  await miniflare.dispose();
  if (options.persist === undefined) {
    rmSync(persistRoot, { recursive: true, force: true });
  }
}

// Runs one operation over every entry with the given number of callers and returns throughput and latency.
// For "list" each caller lists the whole namespace page by page, and an operation is one page.
async function runPhase(namespace, phaseEntries, callers, operation, pageSize) {
  const latencies = [];
  let next = 0;
  let listedKeys = 0;

  const callerLoop = async () => {
    if (operation === "list") {
      let cursor;
      do {
        const started = performance.now();
        const page = await namespace.list({ limit: pageSize, cursor });
        latencies.push(performance.now() - started);
        listedKeys += page.keys.length;
        cursor = page.list_complete ? undefined : page.cursor;
      } while (cursor !== undefined);
      return;
    }

    while (next < phaseEntries.length) {
      const [key, value] = phaseEntries[next++];
      const started = performance.now();
      if (operation === "put") {
        await namespace.put(key, value);
      } else {
        const stored = await namespace.get(key);
        if (stored !== value) {
          throw new Error(`get returned a different value for ${key}; expected the value written by the put phase`);
        }
      }
      latencies.push(performance.now() - started);
    }
  };

  const cpuAtStart = processTreeCpuSeconds();
  const started = performance.now();
  await Promise.all(Array.from({ length: callers }, callerLoop));
  const seconds = (performance.now() - started) / 1000;
  const cpuAtEnd = processTreeCpuSeconds();

  if (operation === "list" && listedKeys !== phaseEntries.length * callers) {
    throw new Error(`list returned ${listedKeys} keys; expected ${phaseEntries.length * callers}`);
  }

  latencies.sort((a, b) => a - b);
  return {
    operations: latencies.length,
    items: operation === "list" ? listedKeys : latencies.length,
    seconds,
    operationsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.50),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
    maxMs: latencies.length === 0 ? 0 : latencies[latencies.length - 1],
    cpuSeconds: cpuAtStart === null || cpuAtEnd === null ? null : cpuAtEnd - cpuAtStart,
  };
}

// Returns the user plus system processor time of this process and every process below it (workerd runs the
// KV store there), read from /proc, or null where /proc is missing. Linux counts it in clock ticks of 1/100 s.
function processTreeCpuSeconds() {
  try {
    let ticks = 0;
    const pending = [process.pid];
    while (pending.length > 0) {
      const pid = pending.pop();
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
      for (const thread of readdirSync(`/proc/${pid}/task`)) {
        const children = readFileSync(`/proc/${pid}/task/${thread}/children`, "utf8").trim();
        if (children.length > 0) {
          pending.push(...children.split(" ").map(Number));
        }
      }
    }
    return ticks / 100;
  } catch {
    return null;
  }
}

// Nearest-rank percentile of sorted values.
function percentile(sorted, fraction) {
  if (sorted.length === 0) {
    return 0;
  }
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function readEntries(file, limit) {
  const lines = readFileSync(file, "utf8").split("\n").filter((line) => line.length > 0);
  const entries = lines.map((line, index) => {
    const tab = line.indexOf("\t");
    if (tab <= 0) {
      fail(`line ${index + 1} of ${file} has no key before a tab; expected "key<TAB>value"`);
    }
    return [line.slice(0, tab), line.slice(tab + 1)];
  });
  if (entries.length < limit) {
    fail(`${file} holds ${entries.length} keys; --keys asks for ${limit}`);
  }
  return entries.slice(0, limit);
}

function parseArguments(argv) {
  const parsed = { keysFile: undefined, keys: 2000, concurrency: 16, warmup: 200, pageSize: 1000, persist: undefined };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (value === undefined) {
      fail(`option ${name} has no value`);
    }
    switch (name) {
      case "--keys-file": parsed.keysFile = value; break;
      case "--persist": parsed.persist = value; break;
      case "--keys": parsed.keys = positiveInteger(name, value, 1_000_000); break;
      case "--concurrency": parsed.concurrency = positiveInteger(name, value, 256); break;
      case "--warmup": parsed.warmup = positiveInteger(name, value, 100_000); break;
      case "--page-size": parsed.pageSize = positiveInteger(name, value, 1000); break;
      default: fail(`unknown option ${name}; expected --keys-file, --keys, --concurrency, --warmup, --page-size or --persist`);
    }
  }
  if (parsed.keysFile === undefined) {
    fail("--keys-file is missing; pass a file of \"key<TAB>value\" lines");
  }
  return parsed;
}

function positiveInteger(name, text, max) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    fail(`${name} is '${text}'; it must be a whole number from 1 to ${max}`);
  }
  return value;
}

function packageVersion(name) {
  const require = createRequire(import.meta.url);
  return require(`${name}/package.json`).version;
}

function fail(message) {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}
