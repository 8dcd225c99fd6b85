import net from 'node:net'

export type TcpProxy = {
  port: number
  /** Sockets the proxy accepted so far: each is one connection attempt by the client. */
  accepted: () => number
  /** Drops every open connection and refuses new ones, the way a database outage looks. */
  cut: () => void
  restore: () => void
  close: () => Promise<void>
}

/** A TCP proxy on loopback in front of a real server, so a test can take that server away. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let accepted = 0
  let down = false
  const open = new Set<net.Socket>()
  const server = net.createServer((client) => {
    accepted++
    if (down) {
      client.destroy()
      return
    }
    const upstream = net.connect(target)
    open.add(client).add(upstream)
    const drop = () => {
      client.destroy()
      upstream.destroy()
      open.delete(client)
      open.delete(upstream)
    }
    client.on('error', drop).on('close', drop)
    upstream.on('error', drop).on('close', drop)
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as net.AddressInfo).port,
    accepted: () => accepted,
    cut: () => {
      down = true
      for (const socket of open) socket.destroy()
      open.clear()
    },
    restore: () => {
      down = false
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
