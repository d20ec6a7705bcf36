/** The registered subcommands, in the order `newsgraph --help` lists them. */
import type { Command } from '../command.js';
import { command as build } from './build.js';

export const commands: readonly Command[] = [build];
