/**
 * Reading a README.md that Driftbook did not write: the sections of huggingface_hub's
 * templates/modelcard_template.md (both its older `#` and current `##` layouts) go into the card's
 * fields; template guidance comments and `[More Information Needed]` are dropped; every other
 * section with content is reported as a warning (its text is not imported).
 */
import { MORE_INFO } from './hf-markers';
import { FenceTracker, splitLines } from './markdown-escape';
import { emptyCard, type ModelCard } from './types';

const DEFAULT_RECOMMENDATION =
  /^Users \(both direct and downstream\) should be made aware of the risks, biases and limitations of the model\.(?: More information needed for further recommendations\.)?$/;

interface Section {
  level: number;
  title: string;
  key: string;
  lines: string[];
}

function sectionsOf(body: string): { preamble: string[]; sections: Section[] } {
  const preamble: string[] = [];
  const sections: Section[] = [];
  const fences = new FenceTracker();
  for (const { text } of splitLines(body)) {
    const inside = fences.inFence;
    const isFence = fences.step(text);
    const heading = inside || isFence ? null : /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(text);
    if (heading?.[1]) {
      const title = heading[2] ?? '';
      sections.push({
        level: heading[1].length,
        title,
        key: title
          .replace(/\[optional\]/gi, '')
          .replace(/\s+/g, ' ')
          .trim()
          .toLowerCase(),
        lines: [],
      });
    } else (sections[sections.length - 1]?.lines ?? preamble).push(text);
  }
  return { preamble, sections };
}

/** Section text without template comments and placeholders. */
function clean(lines: string[]): string {
  const text = lines
    .join('\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim();
  return text === MORE_INFO ? '' : text;
}

/** `- **Label:** value` lines of a section, and the text without them. */
function bullets(lines: string[]): { values: Map<string, string>; text: string } {
  const values = new Map<string, string>();
  const other: string[] = [];
  for (const line of lines) {
    const m = /^\s*[-*] \*\*(.+?):\*\*\s*(.*?)\s*(?:<!--.*-->)?\s*$/.exec(line);
    if (m?.[1])
      values.set(
        m[1]
          .replace(/\[optional\]/gi, '')
          .trim()
          .toLowerCase(),
        m[2] === MORE_INFO ? '' : (m[2] ?? ''),
      );
    else other.push(line);
  }
  return { values, text: clean(other) };
}

export function readForeignBody(body: string, warnings: string[]): ModelCard {
  const card = emptyCard();
  const { sections } = sectionsOf(body);
  const d = card.modelDetails;
  const h = card.huggingFace;
  const c = card.considerations;
  const dropped: string[] = [];
  const bulletsUsed = (values: Map<string, string>, map: Record<string, (v: string) => void>, where: string): void => {
    for (const [label, value] of values) {
      const set = Object.hasOwn(map, label) ? map[label] : undefined;
      if (set) set(value);
      else if (value) dropped.push(`${where}: ${label}`);
    }
  };
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i] as Section;
    const text = clean(s.lines);
    switch (s.key) {
      case 'model details':
      case 'table of contents':
      case 'uses':
      case 'evaluation':
      case 'testing data, factors & metrics':
      case 'technical specifications':
      case 'compute infrastructure':
        if (text && s.key !== 'table of contents') dropped.push(s.title);
        break;
      case 'model description': {
        const b = bullets(s.lines);
        d.documentation = b.text;
        bulletsUsed(
          b.values,
          {
            'developed by': (v) => (h.developedBy = v),
            'model type': (v) => (h.modelType = v),
            'language(s) (nlp)': (v) => (h.language = v),
            license: () => undefined,
          },
          s.title,
        );
        break;
      }
      case 'model sources': {
        const b = bullets(s.lines);
        for (const value of b.values.values()) if (value) d.references.push(value);
        if (b.text) dropped.push(s.title);
        break;
      }
      case 'direct use':
      case 'downstream use':
        if (text) c.useCases.push(text);
        break;
      case 'out-of-scope use':
        if (text) c.limitations.push(text);
        if (text) warnings.push(`README.md: "${s.title}" was read as a limitation`);
        break;
      case 'bias, risks, and limitations':
        if (text) c.limitations.push(text);
        break;
      case 'recommendations':
        if (text && !DEFAULT_RECOMMENDATION.test(text)) c.ethicalConsiderations.push({ name: 'Recommendations', mitigationStrategy: text });
        break;
      case 'how to get started with the model':
        h.gettingStarted = text
          .replace(/^Use the code below to get started with the model\.\s*/, '')
          .replace(/^<details>\s*<summary>.*?<\/summary>\s*([\s\S]*?)\s*<\/details>$/, '$1');
        if (h.gettingStarted === MORE_INFO) h.gettingStarted = '';
        break;
      case 'training details':
        if (text) dropped.push(s.title);
        break;
      case 'training data':
        h.trainingData = text;
        break;
      case 'training procedure': {
        // Its subsections (preprocessing, hyperparameters, speeds) belong to it.
        const parts = [text];
        while (sections[i + 1] && (sections[i + 1] as Section).level > s.level) {
          const sub = sections[++i] as Section;
          const subText = clean(sub.lines).replace(/^- \*\*Training regime:\*\* \[More Information Needed\]$/, '');
          if (subText) parts.push(`${'#'.repeat(sub.level)} ${sub.title}\n\n${subText}`);
        }
        h.trainingProcedure = parts.filter((t) => t !== '').join('\n\n');
        break;
      }
      case 'preprocessing':
      case 'speeds, sizes, times':
        if (text) h.trainingProcedure = [h.trainingProcedure, `${s.title}\n\n${text}`].filter((t) => t !== '').join('\n\n');
        break;
      case 'testing data':
        h.testingData = text;
        break;
      case 'factors':
        h.factors = text;
        break;
      case 'metrics':
        h.evaluationMetrics = text;
        break;
      case 'results':
      case 'summary':
        if (text) h.results = [h.results, text].filter((t) => t !== '').join('\n\n');
        break;
      case 'environmental impact': {
        const b = bullets(s.lines);
        const e = h.environmentalImpact;
        bulletsUsed(
          b.values,
          {
            'hardware type': (v) => (e.hardwareType = v),
            'hours used': (v) => (e.hoursUsed = v),
            'cloud provider': (v) => (e.cloudProvider = v),
            'compute region': (v) => (e.computeRegion = v),
            'carbon emitted': (v) => (e.carbonEmitted = v),
          },
          s.title,
        );
        break;
      }
      case 'model architecture and objective':
        card.modelParameters.architecture = text;
        break;
      case 'citation': {
        for (const m of text.matchAll(/\*\*(BibTeX|APA):\*\*\s*([\s\S]*?)(?=\*\*(?:BibTeX|APA):\*\*|$)/g)) {
          const citation = (m[2] ?? '').trim();
          if (citation && citation !== MORE_INFO) d.citations.push({ style: m[1] ?? '', citation });
        }
        break;
      }
      case 'model card contact':
        h.contact = text;
        break;
      case 'model card authors':
        if (text) d.owners.push({ name: text, contact: '' });
        if (text) warnings.push(`README.md: "${s.title}" was read as an owner`);
        break;
      default:
        if (s.level === 1 && /^model card for /i.test(s.title)) {
          const name = s.title.replace(/^model card for /i, '');
          d.name = name === 'Model ID' || name === MORE_INFO ? '' : name;
          d.overview = text;
        } else if (text) dropped.push(s.title);
    }
  }
  for (const title of dropped) warnings.push(`README.md: "${title}" has no place in a Driftbook card — not imported`);
  return card;
}
