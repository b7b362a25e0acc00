// Validates Kubernetes objects offline against the API schemas (kubernetes-models, with the Strimzi and
// Prometheus operator models for KafkaTopic and PrometheusRule). Reads multi-document YAML from the files
// given, or from standard input; exits 1 naming every object that does not validate or whose kind is unknown.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

// Where each API group's models live; the core group ("v1") has no group name.
const packages = {
  "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};

async function modelOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const folder = group === null ? version : `${group}/${version}`;
  const module = `${packages[group] ?? "kubernetes-models"}/${folder}/${kind}`;
  try {
    return (await import(module))[kind];
  } catch {
    return undefined;
  }
}

const sources = process.argv.length > 2
  ? process.argv.slice(2).map((file) => [file, readFileSync(file, "utf8")])
  : [["<stdin>", readFileSync(0, "utf8")]];

let objects = 0;
const failures = [];
for (const [source, text] of sources) {
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) {
      failures.push(`${source}: not YAML: ${document.errors[0].message}`);
      continue;
    }
    const object = document.toJS();
    if (object === null || object === undefined) continue;
    objects++;
    const name = `${source}: ${object.kind} ${object.metadata?.name ?? "(no name)"}`;
    const Model = await modelOf(String(object.apiVersion ?? ""), String(object.kind ?? ""));
    if (Model === undefined) {
      failures.push(`${name}: no schema for apiVersion ${object.apiVersion}, kind ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      failures.push(`${name}: ${error.message}`);
    }
  }
}
for (const failure of failures) console.error(failure);
console.log(`${objects} objects, ${failures.length} invalid`);
process.exit(failures.length === 0 && objects > 0 ? 0 : 1);
