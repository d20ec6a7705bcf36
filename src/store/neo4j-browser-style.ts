/**
 * A Neo4j Browser style sheet (GraSS) generated from the graph schema:
 * a colour per label, captions by name (title for articles, text for
 * quotes), relationship captions by type. Pure; the result is kept in
 * `schema/neo4j-browser.grass` (a test checks it is in sync). No comments in
 * the output: Browser's GraSS parser is not documented to accept them. Load
 * it by dragging the file into the Neo4j Browser window.
 */
import type { GraphSchema } from './graph-schema.js';
import { edgeTypes, nodeLabels } from './graph-schema.js';

interface LabelStyle {
  color: string;
  border: string;
  text: string;
  diameter: string;
}

const PALETTE: LabelStyle[] = [
  { color: '#4C8EDA', border: '#2870C2', text: '#FFFFFF', diameter: '55px' },
  { color: '#DA7194', border: '#CC3C6C', text: '#FFFFFF', diameter: '65px' },
  { color: '#F79767', border: '#F36924', text: '#FFFFFF', diameter: '60px' },
  { color: '#C990C0', border: '#B261A5', text: '#FFFFFF', diameter: '45px' },
  { color: '#FFE081', border: '#9AA1AC', text: '#2A2C34', diameter: '40px' },
  { color: '#8DCC93', border: '#5DB665', text: '#2A2C34', diameter: '50px' },
  { color: '#57C7E3', border: '#23B3D7', text: '#2A2C34', diameter: '50px' },
];

/** The property a label's caption shows: `name` when the label has one, else the first of title/text/key. */
function captionProperty(schema: GraphSchema, label: string): string {
  const props = schema.nodes[label]!.properties;
  return ['name', 'title', 'text'].find((p) => p in props) ?? schema.nodes[label]!.key;
}

export function createBrowserStyle(schema: GraphSchema): string {
  const blocks: string[] = [
    'node {\n  diameter: 50px;\n  color: #A5ABB6;\n  border-color: #9AA1AC;\n  border-width: 2px;\n  text-color-internal: #FFFFFF;\n  font-size: 10px;\n}',
    'relationship {\n  color: #A5ABB6;\n  shaft-width: 1px;\n  font-size: 8px;\n  padding: 3px;\n  text-color-external: #000000;\n  text-color-internal: #FFFFFF;\n  caption: "<type>";\n}',
  ];
  nodeLabels(schema).forEach((label, i) => {
    const s = PALETTE[i % PALETTE.length]!;
    blocks.push(
      `node.${label} {\n  color: ${s.color};\n  border-color: ${s.border};\n  text-color-internal: ${s.text};\n  diameter: ${s.diameter};\n  caption: "{${captionProperty(schema, label)}}";\n}`,
    );
  });
  for (const type of edgeTypes(schema)) {
    blocks.push(`relationship.${type} {\n  caption: "<type>";\n}`);
  }
  return `${blocks.join('\n\n')}\n`;
}
