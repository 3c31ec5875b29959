/**
 * Driftbook's model card: one internal model that covers the Model Card Toolkit's v0.0.2 sections
 * (model details, model parameters, quantitative analysis, considerations) and the Hugging Face
 * model card template's sections MCT lacks (getting started, training details, evaluation,
 * environmental impact, contact), plus the numbers Driftbook fills in from the notebook, each with
 * where it came from. Every free-text field holds Markdown exactly as the person typed it;
 * exporters escape it for their format, nothing here is pre-escaped.
 *
 * The card is plain serialisable data (stored in IndexedDB, carried in backups).
 */

/** Version of this internal shape (not MCT's schema_version, which exports write as "0.0.2"). */
export const CARD_SCHEMA_VERSION = 1;

/** Which side of the comparison a number describes. */
export type CardSide = 'reference' | 'current';

/** Where an autofilled value came from: the cell, its datasets and when it was computed. */
export interface CardSource {
  /** Notebook cell id and title ('cli' when the CLI computed it). */
  cellId: string;
  cellTitle: string;
  /** The cell kind (classification, fairness, drift, estimated…) or 'cli'. */
  kind: string;
  /** The datasets the number was computed on, by name and SHA-256. */
  datasets: { side: CardSide; name: string; sha256: string }[];
  /** ISO 8601 time the number was computed (the autofill time when the cell does not record one). */
  computedAt: string;
}

/** A confidence interval with how it was obtained (bootstrap: resamples and seed, so it can be redone). */
export interface CardInterval {
  lower: number;
  upper: number;
  /** 0.95 for a 95% interval. */
  level: number;
  method: 'percentile-bootstrap';
  resamples: number;
  seed: number;
}

/**
 * One number of the quantitative analysis. `type` is a Hugging Face metric id where one exists
 * (accuracy, f1, precision, recall, roc_auc, mae, rmse, r2…) or Driftbook's snake_case name
 * (selection_rate, tpr, fpr, demographic_parity_difference, equalized_odds_ratio,
 * dataset_drift_share, estimated_accuracy…). Values are full-precision numbers.
 */
export interface CardMetric {
  type: string;
  /** Human label (e.g. "ROC AUC"); exporters fall back to `type`. */
  name?: string;
  value: number;
  side: CardSide;
  /** A group of a sensitive column (per-group fairness metrics); absent for the whole side. */
  group?: { column: string; value: string };
  interval?: CardInterval;
  /** Absent for numbers a person typed. */
  source?: CardSource;
}

/** A dataset the card describes (MCT model_parameters.data); rows and SHA-256 go into MCT's description. */
export interface CardDataset {
  name: string;
  link: string;
  /** Markdown. */
  description: string;
  side?: CardSide;
  rows?: number;
  sha256?: string;
  /** Column names holding sensitive data (MCT sensitive.sensitive_data). */
  sensitive: string[];
  source?: CardSource;
}

/** Drift status of the current data against the reference, from a drift cell. */
export interface CardDrift {
  driftedColumns: number;
  testedColumns: number;
  share: number;
  /** Whether the dataset counts as drifted by the cell's share threshold. */
  datasetDrift: boolean;
  threshold: number;
  /** Up to the 20 most drifted columns: name, method, score, drifted. */
  columns: { column: string; method: string; score: number; drifted: boolean }[];
  source: CardSource;
}

/** A validation suite's outcome (filled once validation suites exist). */
export interface CardValidation {
  suite: string;
  evaluated: number;
  successful: number;
  success: boolean;
  source: CardSource;
}

export interface CardOwner {
  name: string;
  contact: string;
}

export interface CardLicense {
  /** SPDX-like id as the Hub writes it: lowercase `apache-2.0`, `mit`, or `other` with a name. */
  identifier: string;
  /** Name of an `other` license (the Hub's license_name); custom text for MCT. */
  customText: string;
}

export interface CardCitation {
  style: string;
  citation: string;
}

export interface CardKeyValue {
  key: string;
  value: string;
}

export interface CardRisk {
  name: string;
  mitigationStrategy: string;
}

/** Reviewer sign-off; recorded in the audit trail once tracking exists. */
export interface CardSignOff {
  reviewer: string;
  /** ISO date (YYYY-MM-DD) or empty. */
  date: string;
  notes: string;
}

export interface ModelCard {
  schemaVersion: typeof CARD_SCHEMA_VERSION;
  modelDetails: {
    name: string;
    overview: string;
    documentation: string;
    owners: CardOwner[];
    version: { name: string; date: string; diff: string };
    licenses: CardLicense[];
    references: string[];
    citations: CardCitation[];
    path: string;
  };
  modelParameters: {
    architecture: string;
    data: CardDataset[];
    inputFormat: string;
    inputFormatMap: CardKeyValue[];
    outputFormat: string;
    outputFormatMap: CardKeyValue[];
  };
  quantitative: {
    metrics: CardMetric[];
    drift?: CardDrift;
    /** Estimated (CBPE) performance on the current data, as metrics with side 'current'. */
    estimated: CardMetric[];
    validation: CardValidation[];
    /** Markdown shown above the numbers. */
    notes: string;
  };
  considerations: {
    users: string[];
    useCases: string[];
    limitations: string[];
    tradeoffs: string[];
    ethicalConsiderations: CardRisk[];
  };
  /** Hugging Face template sections that MCT lacks (all Markdown). */
  huggingFace: {
    /** Hub pipeline/task type for model-index (e.g. tabular-classification). */
    taskType: string;
    developedBy: string;
    modelType: string;
    language: string;
    tags: string[];
    gettingStarted: string;
    trainingData: string;
    trainingProcedure: string;
    testingData: string;
    factors: string;
    evaluationMetrics: string;
    results: string;
    environmentalImpact: { hardwareType: string; hoursUsed: string; cloudProvider: string; computeRegion: string; carbonEmitted: string };
    contact: string;
  };
  signOff: CardSignOff;
}

/** An empty card: every text empty, every list empty. */
export function emptyCard(): ModelCard {
  return {
    schemaVersion: CARD_SCHEMA_VERSION,
    modelDetails: {
      name: '',
      overview: '',
      documentation: '',
      owners: [],
      version: { name: '', date: '', diff: '' },
      licenses: [],
      references: [],
      citations: [],
      path: '',
    },
    modelParameters: { architecture: '', data: [], inputFormat: '', inputFormatMap: [], outputFormat: '', outputFormatMap: [] },
    quantitative: { metrics: [], estimated: [], validation: [], notes: '' },
    considerations: { users: [], useCases: [], limitations: [], tradeoffs: [], ethicalConsiderations: [] },
    huggingFace: {
      taskType: '',
      developedBy: '',
      modelType: '',
      language: '',
      tags: [],
      gettingStarted: '',
      trainingData: '',
      trainingProcedure: '',
      testingData: '',
      factors: '',
      evaluationMetrics: '',
      results: '',
      environmentalImpact: { hardwareType: '', hoursUsed: '', cloudProvider: '', computeRegion: '', carbonEmitted: '' },
      contact: '',
    },
    signOff: { reviewer: '', date: '', notes: '' },
  };
}

/** The part of the card Driftbook fills in (datasets and numbers); the rest is the person's. */
export interface CardAutofill {
  data: CardDataset[];
  metrics: CardMetric[];
  drift?: CardDrift;
  estimated: CardMetric[];
  validation: CardValidation[];
  /** ISO time of the autofill. */
  filledAt: string;
  /** Why some cell gave nothing (not run, failed, no target…), in words for the editor. */
  notes: string[];
}
