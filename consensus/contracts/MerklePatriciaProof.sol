// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// Proof node `index` is not a trie node, or is not the node its parent refers to (its hash differs).
error BadProofNode(uint256 index);
/// The first proof node does not hash to the trusted root.
error RootMismatch();
/// The path continues past the last proof node: the proof is cut short.
error MissingProofNode(uint256 index);
/// Nodes after the end of the path: a proof holds exactly the nodes on the key's path.
error UnusedProofNode(uint256 index);
/// The leaf for the key holds something that is not an account (nonce, balance, storage root, code hash).
error BadAccount();
/// The leaf for the slot holds something that is not an RLP integer of at most 32 bytes.
error BadStorageValue();

/// Verifies Merkle-Patricia proofs as eth_getProof returns them (EIP-1186): the account proof against a
/// state root, then a storage proof against the account's storage root. Both tries are secure tries (the
/// path is keccak256 of the key). A proof lists the nodes on the key's path from the root; each node
/// after the first is the one its parent refers to by hash. Nodes under 32 bytes are embedded in their
/// parent and may or may not be repeated as proof elements (geth omits them, ethereumjs lists them).
/// A key that is absent is proven by the path ending at an empty branch slot or at a leaf or extension
/// whose path diverges from the key's: the result is then empty, not an error.
library MerklePatriciaProof {
  /// keccak256(rlp("")): the root of an empty trie.
  bytes32 internal constant EMPTY_TRIE_ROOT = 0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421;
  uint256 private constant KEY_NIBBLES = 64;
  /// In place of a proof node's index when decoding a leaf's value: which error a malformed one gets.
  uint256 private constant IN_ACCOUNT = type(uint256).max;
  uint256 private constant IN_STORAGE_VALUE = type(uint256).max - 1;

  /// The account at `account` under `stateRoot`; `exists` is false (and the rest zero) when it is absent.
  function verifyAccount(bytes32 stateRoot, address account, bytes[] calldata proof)
    internal
    pure
    returns (bool exists, uint256 nonce, uint256 balance, bytes32 storageRoot, bytes32 codeHash)
  {
    (bool found, bytes calldata value) = get(stateRoot, keccak256(abi.encodePacked(account)), proof);
    if (!found) return (false, 0, 0, bytes32(0), bytes32(0));
    (uint256 pos, uint256 len, bool isList) = item(value, 0, IN_ACCOUNT);
    if (!isList || pos + len != value.length) revert BadAccount();
    uint256 end = pos + len;
    (nonce, pos) = uintAt(value, pos, end);
    (balance, pos) = uintAt(value, pos, end);
    (storageRoot, pos) = bytes32At(value, pos, end);
    (codeHash, pos) = bytes32At(value, pos, end);
    if (pos != end) revert BadAccount();
    exists = true;
  }

  /// The value of `slot` under `storageRoot` (an account's storage root); 0 when the slot is absent.
  function verifyStorage(bytes32 storageRoot, bytes32 slot, bytes[] calldata proof)
    internal
    pure
    returns (uint256 value)
  {
    (bool found, bytes calldata rlp) = get(storageRoot, keccak256(abi.encodePacked(slot)), proof);
    if (!found) return 0;
    (uint256 pos, uint256 len, bool isList) = item(rlp, 0, IN_STORAGE_VALUE);
    // Zero is never stored (the slot is deleted), and integers are minimal: no leading zero byte.
    if (isList || pos + len != rlp.length || len > 32 || len == 0 || (len > 1 && rlp[pos] == 0))
      revert BadStorageValue();
    value = toUint(rlp, pos, len);
  }

  /// Walks `proof` from `root` along the 64 nibbles of `path`; returns the leaf's value (the payload of
  /// the leaf's value string) or found = false when the proof shows the path holds nothing.
  function get(bytes32 root, bytes32 path, bytes[] calldata proof)
    internal
    pure
    returns (bool found, bytes calldata value)
  {
    value = msg.data[0:0];
    // An empty trie (an account without storage): eth_getProof gives no nodes, or the one empty node.
    if (root == EMPTY_TRIE_ROOT) {
      if (proof.length == 0 || (proof.length == 1 && proof[0].length == 1 && proof[0][0] == 0x80))
        return (false, value);
    }
    if (proof.length == 0) revert MissingProofNode(0);
    if (keccak256(proof[0]) != root) revert RootMismatch();

    uint256 index = 0;
    bytes calldata node = proof[0];
    uint256 depth = 0;
    for (;;) {
      Step memory s = step(node, index, path, depth);
      if (s.next.kind == ChildKind.None) {
        if (index + 1 != proof.length) revert UnusedProofNode(index + 1);
        return (s.found, node[s.valueStart:s.valueEnd]);
      }
      depth = s.depth;
      if (s.next.kind == ChildKind.Hash) {
        index++;
        if (index >= proof.length) revert MissingProofNode(index);
        node = proof[index];
        if (keccak256(node) != s.next.hash) revert BadProofNode(index);
      } else {
        // Embedded: walk on inside the parent; skip the node where the proof repeats it.
        bytes calldata embedded = node[s.next.start:s.next.end];
        if (index + 1 < proof.length && keccak256(proof[index + 1]) == keccak256(embedded)) index++;
        node = embedded;
      }
    }
  }

  enum ChildKind {
    None,
    Hash,
    Embedded
  }

  /// Where a node points next: nowhere (the walk ends), to a node by hash, or to a node inside it.
  struct Child {
    ChildKind kind;
    bytes32 hash;
    uint256 start;
    uint256 end;
  }

  /// One node's verdict: the walk goes on at `next` (at nibble `depth`), or ends (next.kind None) with
  /// the leaf's value at node[valueStart:valueEnd] when found.
  struct Step {
    bool found;
    uint256 valueStart;
    uint256 valueEnd;
    Child next;
    uint256 depth;
  }

  /// An RLP item: where it starts (`at`, its prefix), where its payload starts, and the payload length.
  struct Rlp {
    uint256 at;
    uint256 start;
    uint256 len;
    bool isList;
  }

  /// One node of the walk: a branch (17 items) or a leaf or extension (2 items).
  function step(bytes calldata node, uint256 index, bytes32 path, uint256 depth)
    private
    pure
    returns (Step memory)
  {
    Rlp memory list = itemAt(node, 0, index);
    if (!list.isList || list.start + list.len != node.length) revert BadProofNode(index);
    Rlp memory first = itemAt(node, list.start, index);
    if (first.start + first.len >= node.length) revert BadProofNode(index);
    Rlp memory second = itemAt(node, first.start + first.len, index);
    if (second.start + second.len == node.length) return shortNode(node, index, path, depth, first, second);
    return branch(node, index, path, depth, list.start);
  }

  /// A leaf or extension: [hex-prefix path, value or child]. Its path either matches the key's next
  /// nibbles or shows the key is absent.
  function shortNode(
    bytes calldata node,
    uint256 index,
    bytes32 path,
    uint256 depth,
    Rlp memory hp,
    Rlp memory second
  ) private pure returns (Step memory s) {
    if (hp.isList || hp.len == 0) revert BadProofNode(index);
    uint8 flag = uint8(node[hp.start]) >> 4;
    if (flag > 3) revert BadProofNode(index);
    // An even path pads its flag nibble with a zero nibble; an odd one starts in the low nibble.
    uint256 skip = flag & 1 == 1 ? 1 : 2;
    if (skip == 2 && uint8(node[hp.start]) & 0x0f != 0) revert BadProofNode(index);
    uint256 nibbles = hp.len * 2 - skip;
    if (depth + nibbles > KEY_NIBBLES) return s; // longer than any key: not on the key's path
    // The node's nibbles and the key's next ones, both left-aligned in a word, compared at once.
    bytes32 nodePath = skip == 1
      ? bytes32(node[hp.start:hp.start + hp.len]) << 4
      : bytes32(node[hp.start + 1:hp.start + hp.len]);
    bytes32 mask = ~bytes32(type(uint256).max >> (4 * nibbles));
    if ((nodePath ^ (path << (4 * depth))) & mask != 0) return s; // diverges: absent
    s.depth = depth + nibbles;
    if (flag >= 2) {
      // A leaf. A secure trie's keys all have 64 nibbles, so a leaf ends the path exactly there.
      if (s.depth != KEY_NIBBLES || second.isList) revert BadProofNode(index);
      (s.found, s.valueStart, s.valueEnd) = (true, second.start, second.start + second.len);
      return s;
    }
    if (nibbles == 0 || s.depth == KEY_NIBBLES) revert BadProofNode(index);
    s.next = child(node, second, index);
    if (s.next.kind == ChildKind.None) revert BadProofNode(index);
  }

  /// A branch: 16 children then a value, which a secure trie never uses (its keys end at leaves).
  function branch(bytes calldata node, uint256 index, bytes32 path, uint256 depth, uint256 at)
    private
    pure
    returns (Step memory s)
  {
    if (depth >= KEY_NIBBLES) revert BadProofNode(index);
    uint256 want = nibbleAt(path, depth);
    at = skipChildren(node, at, want, index);
    (uint256 start, uint256 len, bool isList) = item(node, at, index);
    s.next = child(node, Rlp(at, start, len, isList), index);
    at = skipChildren(node, start + len, 15 - want, index);
    // The value slot: empty.
    if (at >= node.length || node[at] != 0x80) revert BadProofNode(index);
    at++;
    if (at != node.length) revert BadProofNode(index);
    s.depth = depth + 1;
  }

  /// The position after `count` branch children from `at`. Empty and hashed children (nearly all) are
  /// skipped by their first byte; the rest (embedded nodes, malformed items) are decoded.
  function skipChildren(bytes calldata node, uint256 at, uint256 count, uint256 index)
    private
    pure
    returns (uint256)
  {
    uint256 end = node.length;
    assembly ("memory-safe") {
      for {} count {} {
        if iszero(lt(at, end)) { break }
        switch byte(0, calldataload(add(node.offset, at)))
        case 0x80 { at := add(at, 1) }
        case 0xa0 { at := add(at, 33) }
        default { break }
        count := sub(count, 1)
      }
    }
    for (; count > 0; count--) {
      (uint256 start, uint256 len,) = item(node, at, index);
      at = start + len;
    }
    return at;
  }

  /// A child reference: empty, a 32-byte hash, or a whole node under 32 bytes embedded as a list.
  function child(bytes calldata node, Rlp memory it, uint256 index) private pure returns (Child memory c) {
    if (it.isList) {
      if (it.start + it.len - it.at >= 32) revert BadProofNode(index);
      return Child(ChildKind.Embedded, bytes32(0), it.at, it.start + it.len);
    }
    if (it.len == 0) return c;
    if (it.len != 32) revert BadProofNode(index);
    return Child(ChildKind.Hash, bytes32(node[it.start:it.start + 32]), 0, 0);
  }

  function itemAt(bytes calldata b, uint256 pos, uint256 index) private pure returns (Rlp memory r) {
    r.at = pos;
    (r.start, r.len, r.isList) = item(b, pos, index);
  }

  function nibbleAt(bytes32 path, uint256 i) private pure returns (uint8) {
    uint8 b = uint8(path[i / 2]);
    return i % 2 == 0 ? b >> 4 : b & 0x0f;
  }

  /// Start and length of the payload of the RLP item at `pos`, and whether it is a list; a malformed
  /// item reverts BadProofNode(index), or BadAccount / BadStorageValue for a leaf's value.
  function item(bytes calldata b, uint256 pos, uint256 index)
    private
    pure
    returns (uint256 start, uint256 len, bool isList)
  {
    if (pos >= b.length) bad(index);
    uint256 prefix = uint8(b[pos]);
    if (prefix < 0x80) return (pos, 1, false);
    if (prefix < 0xb8) (start, len) = (pos + 1, prefix - 0x80);
    else if (prefix < 0xc0) (start, len) = longLength(b, pos, prefix - 0xb7, index);
    else if (prefix < 0xf8) (start, len, isList) = (pos + 1, prefix - 0xc0, true);
    else {
      (start, len) = longLength(b, pos, prefix - 0xf7, index);
      isList = true;
    }
    if (start + len > b.length) bad(index);
  }

  function longLength(bytes calldata b, uint256 pos, uint256 lenOfLen, uint256 index)
    private
    pure
    returns (uint256, uint256)
  {
    if (pos + 1 + lenOfLen > b.length) bad(index);
    uint256 len = uint256(bytes32(b[pos + 1:pos + 1 + lenOfLen])) >> (8 * (32 - lenOfLen));
    return (pos + 1 + lenOfLen, len);
  }

  function bad(uint256 index) private pure {
    if (index == IN_ACCOUNT) revert BadAccount();
    if (index == IN_STORAGE_VALUE) revert BadStorageValue();
    revert BadProofNode(index);
  }

  /// The RLP integer at `pos` (at most 32 bytes) and the position after it.
  function uintAt(bytes calldata b, uint256 pos, uint256 end) private pure returns (uint256 v, uint256 next) {
    if (pos >= end) revert BadAccount();
    (uint256 start, uint256 len, bool isList) = item(b, pos, IN_ACCOUNT);
    if (isList || len > 32 || start + len > end) revert BadAccount();
    return (toUint(b, start, len), start + len);
  }

  function bytes32At(bytes calldata b, uint256 pos, uint256 end)
    private
    pure
    returns (bytes32 v, uint256 next)
  {
    if (pos >= end) revert BadAccount();
    (uint256 start, uint256 len, bool isList) = item(b, pos, IN_ACCOUNT);
    if (isList || len != 32 || start + len > end) revert BadAccount();
    return (bytes32(b[start:start + 32]), start + 32);
  }

  function toUint(bytes calldata b, uint256 start, uint256 len) private pure returns (uint256) {
    return len == 0 ? 0 : uint256(bytes32(b[start:start + len])) >> (8 * (32 - len));
  }
}

/// The library behind an external interface: for off-chain callers (eth_call) and for tests. Contracts
/// that need proofs (the message bus) use the library directly.
contract MerklePatriciaProofVerifier {
  function verifyAccount(bytes32 stateRoot, address account, bytes[] calldata accountProof)
    external
    pure
    returns (bool exists, uint256 nonce, uint256 balance, bytes32 storageRoot, bytes32 codeHash)
  {
    return MerklePatriciaProof.verifyAccount(stateRoot, account, accountProof);
  }

  function verifyStorage(bytes32 storageRoot, bytes32 slot, bytes[] calldata storageProof)
    external
    pure
    returns (uint256 value)
  {
    return MerklePatriciaProof.verifyStorage(storageRoot, slot, storageProof);
  }

  /// What a message bus does: the account under a trusted state root, then one of its slots; 0 when
  /// the account or the slot is absent.
  function verifyAccountStorage(
    bytes32 stateRoot,
    address account,
    bytes[] calldata accountProof,
    bytes32 slot,
    bytes[] calldata storageProof
  ) external pure returns (uint256 value) {
    (bool exists,,, bytes32 storageRoot,) =
      MerklePatriciaProof.verifyAccount(stateRoot, account, accountProof);
    if (!exists) return 0;
    return MerklePatriciaProof.verifyStorage(storageRoot, slot, storageProof);
  }
}
