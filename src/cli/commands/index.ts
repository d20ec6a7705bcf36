/** The registered subcommands, in the order `newsgraph --help` lists them. */
import type { Command } from '../command.js';
import { command as build } from './build.js';
import { command as explain } from './explain.js';
import { command as exportCommand } from './export.js';
import { command as extract } from './extract.js';
import { command as push } from './push.js';
import { command as query } from './query.js';
import { command as remove } from './remove.js';
import { command as view } from './view.js';

export const commands: readonly Command[] = [build, remove, exportCommand, query, push, view, extract, explain];
