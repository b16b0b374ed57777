// docker-compose.yml is checked by Docker's own parser wherever a compose client exists
// (this machine has the client but no engine, so nothing is started).
import { execFileSync, spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../services/paths.js';

function composeCommand(): string[] | null {
  for (const cmd of [['docker', 'compose'], ['docker-compose']]) {
    const probe = spawnSync(cmd[0], [...cmd.slice(1), 'version'], { encoding: 'utf8' });
    if (probe.status === 0) return cmd;
  }
  return null;
}

const compose = composeCommand();

it.skipIf(!compose)('docker-compose.yml is valid and wires Neo4j, the API and the loader', () => {
  const [bin, ...pre] = compose!;
  const env = { ...process.env, NEO4J_PASSWORD: 'compose-test-password' };
  const run = (...args: string[]) => execFileSync(bin, [...pre, ...args], { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
  const services = run('--profile', 'load', 'config', '--services').trim().split('\n').sort();
  expect(services).toEqual(['api', 'loader', 'neo4j']);
  const config = run('--profile', 'load', 'config');
  expect(config).toMatch(/image: neo4j:5\.26-community/);
  expect(config).toMatch(/NEO4J_URI: bolt:\/\/neo4j:7687/);
  expect(config).toMatch(/healthcheck:/);
  expect(config).toMatch(/neo4j-data/);
  // the password must come from the environment, never a default
  const noPassword = spawnSync(bin, [...pre, 'config'], { cwd: PROJECT_ROOT, env: { ...process.env, NEO4J_PASSWORD: '' }, encoding: 'utf8' });
  expect(noPassword.status).not.toBe(0);
});
