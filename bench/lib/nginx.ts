// nginx as the yardstick: serves one file with the same bytes (and the same headers) as the app's /tools page.
import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'

export const NGINX = '/usr/sbin/nginx'

export function nginxAvailable(): string | undefined {
  return existsSync(NGINX) ? undefined : `${NGINX} not found (apt-get install -y nginx-light)`
}

export interface StaticServer {
  url: string
  stop(): Promise<void>
}

/** Headers nginx sets itself (or that describe the transfer, not the content). */
const OWN_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'content-type', 'transfer-encoding', 'server'])

function waitForPort(port: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve()
      })
      socket.once('error', () => {
        socket.destroy()
        if (Date.now() > deadline) reject(new Error(`nothing listens on 127.0.0.1:${port} after ${ms} ms`))
        else setTimeout(attempt, 50)
      })
    }
    attempt()
  })
}

/**
 * Starts nginx in the foreground (daemon off, pid file and logs in dir, access_log off, 2 workers) serving
 * `body` at `path` on 127.0.0.1:port, with the given response headers added.
 */
export async function startNginx(dir: string, port: number, path: string, body: Buffer, headers: Record<string, string>): Promise<StaticServer> {
  mkdirSync(join(dir, 'temp'), { recursive: true })
  const file = join(dir, 'page.html')
  writeFileSync(file, body)
  // Workers run as nobody: they must be able to read the file.
  chmodSync(dir, 0o755)
  chmodSync(file, 0o644)
  const extra = Object.entries(headers)
    .filter(([name]) => !OWN_HEADERS.has(name.toLowerCase()))
    .map(([name, value]) => `      add_header ${name} ${JSON.stringify(value)} always;`)
    .join('\n')
  const conf = join(dir, 'nginx.conf')
  writeFileSync(
    conf,
    `worker_processes 2;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  server_tokens off;
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/temp/body;
  proxy_temp_path ${dir}/temp/proxy;
  fastcgi_temp_path ${dir}/temp/fastcgi;
  uwsgi_temp_path ${dir}/temp/uwsgi;
  scgi_temp_path ${dir}/temp/scgi;
  server {
    listen 127.0.0.1:${port};
    location = ${path} {
      default_type "text/html; charset=utf-8";
      alias ${file};
${extra}
    }
  }
}
`,
  )
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-e', join(dir, 'error.log'), '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (d) => (stderr += d))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  try {
    await Promise.race([
      waitForPort(port, 5000),
      exited.then(() => {
        const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''
        throw new Error(`nginx exited: ${stderr.trim()} ${log.trim()}`)
      }),
    ])
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  return {
    url: `http://127.0.0.1:${port}${path}`,
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGQUIT')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    },
  }
}
