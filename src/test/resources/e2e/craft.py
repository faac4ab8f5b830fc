#!/usr/bin/env python3
"""Sends hand-made packets for the header-parsing tests. Run inside a lab namespace (ip netns exec).

  craft.py vlan IFACE SRC_MAC DST_MAC      IPv4 echo request in one 802.1Q tag (VID 100)
  craft.py qinq IFACE SRC_MAC DST_MAC      IPv4 echo request in 802.1ad (VID 200) + 802.1Q (VID 100) tags
  craft.py ip6ext IFACE SRC_MAC DST_MAC    ICMPv6 echo behind hop-by-hop, destination options, routing and fragment headers
  craft.py ip6frag IFACE SRC_MAC DST_MAC   an IPv6 non-first fragment (no transport header)
  craft.py tun NAME                        echo request written into a tun device (no link-layer header); waits for the reply
Addresses stay inside the lab ranges 198.51.100.0/24 and 2001:db8::/32.
"""
import fcntl
import os
import socket
import struct
import subprocess
import sys

ECHO_ID = 0x4A4A
ECHO_SEQ = 7


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return (~total) & 0xFFFF


def ipv4_echo(src, dst):
    icmp = struct.pack("!BBHHH", 8, 0, 0, ECHO_ID, ECHO_SEQ) + b"netjourney"
    icmp = icmp[:2] + struct.pack("!H", checksum(icmp)) + icmp[4:]
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(icmp), 0x1234, 0, 64, 1, 0,
                         socket.inet_aton(src), socket.inet_aton(dst))
    header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
    return header + icmp


def ipv6_echo_with_extensions(src, dst, first_fragment=True):
    s = socket.inet_pton(socket.AF_INET6, src)
    d = socket.inet_pton(socket.AF_INET6, dst)
    icmp = struct.pack("!BBHHH", 128, 0, 0, ECHO_ID, ECHO_SEQ) + b"netjourney"
    pseudo = s + d + struct.pack("!I3xB", len(icmp), 58)
    icmp = icmp[:2] + struct.pack("!H", checksum(pseudo + icmp)) + icmp[4:]
    if first_fragment:
        # hop-by-hop (next: dstopts), dstopts (next: routing), routing type 4 with no segments left
        # (next: fragment), fragment offset 0 with more-fragments clear (next: ICMPv6)
        hbh = struct.pack("!BB", 60, 0) + b"\x01\x04\x00\x00\x00\x00"          # PadN
        dstopts = struct.pack("!BB", 43, 0) + b"\x01\x04\x00\x00\x00\x00"
        routing = struct.pack("!BBBBBBH", 44, 2, 4, 0, 0, 0, 0) + d         # SRH, segments left 0
        fragment = struct.pack("!BBHI", 58, 0, 0, 0xC0FFEE)
        payload = hbh + dstopts + routing + fragment + icmp
        next_header = 0
    else:
        fragment = struct.pack("!BBHI", 58, 0, (8 << 3), 0xC0FFEE)           # offset 64 bytes
        payload = fragment + b"x" * 16
        next_header = 44
    header = struct.pack("!IHBB16s16s", (6 << 28) | 0x12345, len(payload), next_header, 64, s, d)
    return header + payload


def mac(text):
    return bytes(int(part, 16) for part in text.split(":"))


def send_frame(iface, frame):
    with socket.socket(socket.AF_PACKET, socket.SOCK_RAW) as sock:
        sock.bind((iface, 0))
        sock.send(frame)


def main():
    mode = sys.argv[1]
    if mode == "tun":
        return tun(sys.argv[2])
    iface, src_mac, dst_mac = sys.argv[2], mac(sys.argv[3]), mac(sys.argv[4])
    ethernet = dst_mac + src_mac
    if mode == "vlan":
        frame = ethernet + struct.pack("!HHH", 0x8100, 100, 0x0800) + ipv4_echo("198.51.100.2", "198.51.100.3")
    elif mode == "qinq":
        frame = ethernet + struct.pack("!HHHHH", 0x88A8, 200, 0x8100, 100, 0x0800) \
            + ipv4_echo("198.51.100.2", "198.51.100.3")
    elif mode == "ip6ext":
        frame = ethernet + struct.pack("!H", 0x86DD) + ipv6_echo_with_extensions("2001:db8:1::2", "2001:db8:1::3")
    elif mode == "ip6frag":
        frame = ethernet + struct.pack("!H", 0x86DD) \
            + ipv6_echo_with_extensions("2001:db8:1::2", "2001:db8:1::3", first_fragment=False)
    else:
        raise SystemExit("unknown mode " + mode)
    send_frame(iface, frame)


def tun(name):
    TUNSETIFF = 0x400454CA
    IFF_TUN, IFF_NO_PI = 0x0001, 0x1000
    fd = os.open("/dev/net/tun", os.O_RDWR)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TUN | IFF_NO_PI))
    subprocess.run(["ip", "addr", "add", "198.51.100.250", "peer", "198.51.100.251", "dev", name], check=True)
    subprocess.run(["ip", "link", "set", name, "up"], check=True)
    os.write(fd, ipv4_echo("198.51.100.251", "198.51.100.250"))
    os.set_blocking(fd, True)
    import select
    deadline_reads = 20
    while deadline_reads:
        ready, _, _ = select.select([fd], [], [], 0.2)
        deadline_reads -= 1
        if not ready:
            continue
        packet = os.read(fd, 2048)
        if packet[0] >> 4 == 4 and packet[9] == 1 and packet[20] == 0:
            print("reply")
            return
    raise SystemExit("no echo reply from the kernel through the tun device")


if __name__ == "__main__":
    main()
