'use client';
import type { CardDataset, ModelCard } from '../../lib/cards/types';
import { formatCount } from '../../lib/format';
import { UserText } from '../ui/UserText';
import { CardNumbers } from './CardNumbers';
import { CardSection, ListField, RecordList, TextField, TextList } from './fields';

interface Props {
  card: ModelCard;
  onChange: (card: ModelCard) => void;
}

type Section<K extends keyof ModelCard> = ModelCard[K];

/** The model card as a form: every field of lib/cards/types.ts ModelCard, in MCT's order, then the Hugging Face extras and the sign-off. */
export function CardForm({ card, onChange }: Props) {
  const details = <K extends keyof Section<'modelDetails'>>(key: K) => ({
    value: card.modelDetails[key],
    set: (value: Section<'modelDetails'>[K]) => onChange({ ...card, modelDetails: { ...card.modelDetails, [key]: value } }),
  });
  const params =
    <K extends keyof Section<'modelParameters'>>(key: K) =>
    (value: Section<'modelParameters'>[K]) =>
      onChange({ ...card, modelParameters: { ...card.modelParameters, [key]: value } });
  const consider =
    <K extends keyof Section<'considerations'>>(key: K) =>
    (value: Section<'considerations'>[K]) =>
      onChange({ ...card, considerations: { ...card.considerations, [key]: value } });
  const hf =
    <K extends keyof Section<'huggingFace'>>(key: K) =>
    (value: Section<'huggingFace'>[K]) =>
      onChange({ ...card, huggingFace: { ...card.huggingFace, [key]: value } });
  const env = card.huggingFace.environmentalImpact;
  const setEnv = (key: keyof typeof env) => (value: string) => hf('environmentalImpact')({ ...env, [key]: value });
  const version = card.modelDetails.version;
  const setVersion = (key: keyof typeof version) => (value: string) => details('version').set({ ...version, [key]: value });
  const sign = (key: keyof ModelCard['signOff']) => (value: string) => onChange({ ...card, signOff: { ...card.signOff, [key]: value } });

  return (
    <form className="card-form" aria-label="Model card" onSubmit={(e) => e.preventDefault()}>
      <CardSection title="Model details">
        <TextField label="Model name" value={card.modelDetails.name} onChange={details('name').set} />
        <TextField label="Overview" markdown value={card.modelDetails.overview} onChange={details('overview').set} />
        <TextField label="Documentation" markdown value={card.modelDetails.documentation} onChange={details('documentation').set} />
        <RecordList
          label="Owners"
          item="owner"
          items={card.modelDetails.owners}
          onChange={details('owners').set}
          fields={[
            { key: 'name', label: 'Name' },
            { key: 'contact', label: 'Contact' },
          ]}
        />
        <div className="card-row">
          <TextField label="Version name" value={version.name} onChange={setVersion('name')} />
          <TextField label="Version date" type="date" value={version.date} onChange={setVersion('date')} />
        </div>
        <TextField label="What changed in this version" markdown value={version.diff} onChange={setVersion('diff')} />
        <RecordList
          label="Licenses"
          item="license"
          items={card.modelDetails.licenses}
          onChange={details('licenses').set}
          fields={[
            { key: 'identifier', label: 'Identifier (apache-2.0, mit, other…)' },
            { key: 'customText', label: 'Name or text of an “other” license' },
          ]}
        />
        <TextList label="References" item="reference" items={card.modelDetails.references} onChange={details('references').set} />
        <RecordList
          label="Citations"
          item="citation"
          items={card.modelDetails.citations}
          onChange={details('citations').set}
          fields={[
            { key: 'style', label: 'Style (BibTeX, APA…)' },
            { key: 'citation', label: 'Citation', markdown: true },
          ]}
        />
        <TextField label="Path (where the model is stored)" value={card.modelDetails.path} onChange={details('path').set} />
      </CardSection>

      <CardSection title="Model parameters">
        <TextField label="Architecture" markdown value={card.modelParameters.architecture} onChange={params('architecture')} />
        <ListField<CardDataset>
          label="Datasets"
          item="dataset"
          items={card.modelParameters.data}
          onChange={params('data')}
          make={() => ({ name: '', link: '', description: '', sensitive: [] })}
          render={(d, set, i) => (
            <>
              <TextField label={`Name (dataset ${i + 1})`} value={d.name} onChange={(name) => set({ ...d, name })} />
              <TextField label={`Link (dataset ${i + 1})`} value={d.link} onChange={(link) => set({ ...d, link })} />
              <TextField label={`Description (dataset ${i + 1})`} markdown value={d.description} onChange={(description) => set({ ...d, description })} />
              <TextField
                label={`Sensitive columns (dataset ${i + 1}), comma-separated`}
                value={d.sensitive.join(', ')}
                onChange={(text) =>
                  set({
                    ...d,
                    sensitive: text
                      .split(',')
                      .map((s) => s.trim())
                      .filter(Boolean),
                  })
                }
              />
              {d.rows !== undefined || d.sha256 ? (
                <p className="card-hint muted">
                  {d.side ? `${d.side} · ` : ''}
                  {d.rows !== undefined ? `${formatCount(d.rows)} rows` : ''}
                  {d.sha256 ? ` · SHA-256 ${d.sha256.slice(0, 12)}…` : ''}
                  {d.source ? (
                    <>
                      {' '}
                      · from <UserText text={d.source.cellTitle} />
                    </>
                  ) : null}
                </p>
              ) : null}
            </>
          )}
        />
        <TextField label="Input format" markdown value={card.modelParameters.inputFormat} onChange={params('inputFormat')} />
        <RecordList
          label="Input format fields"
          item="input field"
          items={card.modelParameters.inputFormatMap}
          onChange={params('inputFormatMap')}
          fields={[
            { key: 'key', label: 'Field' },
            { key: 'value', label: 'Format' },
          ]}
        />
        <TextField label="Output format" markdown value={card.modelParameters.outputFormat} onChange={params('outputFormat')} />
        <RecordList
          label="Output format fields"
          item="output field"
          items={card.modelParameters.outputFormatMap}
          onChange={params('outputFormatMap')}
          fields={[
            { key: 'key', label: 'Field' },
            { key: 'value', label: 'Format' },
          ]}
        />
      </CardSection>

      <CardSection title="Quantitative analysis">
        <TextField
          label="Notes above the numbers"
          markdown
          value={card.quantitative.notes}
          onChange={(notes) => onChange({ ...card, quantitative: { ...card.quantitative, notes } })}
        />
        <CardNumbers card={card} onChange={onChange} />
      </CardSection>

      <CardSection title="Considerations">
        <TextList label="Intended users" item="user" items={card.considerations.users} onChange={consider('users')} markdown />
        <TextList label="Use cases" item="use case" items={card.considerations.useCases} onChange={consider('useCases')} markdown />
        <TextList label="Limitations" item="limitation" items={card.considerations.limitations} onChange={consider('limitations')} markdown />
        <TextList label="Tradeoffs" item="tradeoff" items={card.considerations.tradeoffs} onChange={consider('tradeoffs')} markdown />
        <RecordList
          label="Ethical considerations"
          item="risk"
          items={card.considerations.ethicalConsiderations}
          onChange={consider('ethicalConsiderations')}
          fields={[
            { key: 'name', label: 'Risk' },
            { key: 'mitigationStrategy', label: 'Mitigation strategy', markdown: true },
          ]}
        />
      </CardSection>

      <CardSection title="Hugging Face model card" open={false}>
        <div className="card-row">
          <TextField label="Task type (model-index)" value={card.huggingFace.taskType} onChange={hf('taskType')} placeholder="tabular-classification" />
          <TextField label="Model type" value={card.huggingFace.modelType} onChange={hf('modelType')} />
        </div>
        <div className="card-row">
          <TextField label="Developed by" value={card.huggingFace.developedBy} onChange={hf('developedBy')} />
          <TextField label="Language(s)" value={card.huggingFace.language} onChange={hf('language')} />
        </div>
        <TextList label="Tags" item="tag" items={card.huggingFace.tags} onChange={hf('tags')} />
        <TextField label="How to get started with the model" markdown value={card.huggingFace.gettingStarted} onChange={hf('gettingStarted')} />
        <TextField label="Training data" markdown value={card.huggingFace.trainingData} onChange={hf('trainingData')} />
        <TextField label="Training procedure" markdown value={card.huggingFace.trainingProcedure} onChange={hf('trainingProcedure')} />
        <TextField label="Testing data" markdown value={card.huggingFace.testingData} onChange={hf('testingData')} />
        <TextField label="Factors" markdown value={card.huggingFace.factors} onChange={hf('factors')} />
        <TextField label="Evaluation metrics" markdown value={card.huggingFace.evaluationMetrics} onChange={hf('evaluationMetrics')} />
        <TextField label="Results" markdown value={card.huggingFace.results} onChange={hf('results')} />
        <fieldset className="card-list">
          <legend>Environmental impact</legend>
          <div className="card-row">
            <TextField label="Hardware type" value={env.hardwareType} onChange={setEnv('hardwareType')} />
            <TextField label="Hours used" value={env.hoursUsed} onChange={setEnv('hoursUsed')} />
          </div>
          <div className="card-row">
            <TextField label="Cloud provider" value={env.cloudProvider} onChange={setEnv('cloudProvider')} />
            <TextField label="Compute region" value={env.computeRegion} onChange={setEnv('computeRegion')} />
          </div>
          <TextField label="Carbon emitted" value={env.carbonEmitted} onChange={setEnv('carbonEmitted')} />
        </fieldset>
        <TextField label="Model card contact" markdown value={card.huggingFace.contact} onChange={hf('contact')} />
      </CardSection>

      <CardSection title="Sign-off">
        <div className="card-row">
          <TextField label="Reviewer" value={card.signOff.reviewer} onChange={sign('reviewer')} />
          <TextField label="Review date" type="date" value={card.signOff.date} onChange={sign('date')} />
        </div>
        <TextField label="Review notes" markdown value={card.signOff.notes} onChange={sign('notes')} />
      </CardSection>
    </form>
  );
}
