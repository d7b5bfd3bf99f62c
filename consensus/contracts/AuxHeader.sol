// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// The aux block header is not the RLP list of an Ethereum header.
error BadHeaderRlp();

/// Reads the two fields Core needs from an RLP-encoded aux block header: the header is hashed as given
/// (its keccak256 is the block hash the validators voted for), so a header cannot lie about its number
/// or state root without changing the hash.
library AuxHeader {
  uint256 private constant STATE_ROOT_FIELD = 3;
  uint256 private constant NUMBER_FIELD = 8;

  function parse(bytes calldata rlp) internal pure returns (bytes32 stateRoot, uint256 number) {
    (uint256 pos, uint256 len, bool isList) = item(rlp, 0);
    if (!isList || pos + len != rlp.length) revert BadHeaderRlp();
    for (uint256 field = 0; field <= NUMBER_FIELD; field++) {
      (uint256 start, uint256 size, bool list) = item(rlp, pos);
      if (list) revert BadHeaderRlp();
      if (field == STATE_ROOT_FIELD) {
        if (size != 32) revert BadHeaderRlp();
        stateRoot = bytes32(rlp[start:start + 32]);
      } else if (field == NUMBER_FIELD) {
        if (size > 32) revert BadHeaderRlp();
        // A shorter slice converts left-aligned; shift it down to read it as a big-endian integer.
        number = size == 0 ? 0 : uint256(bytes32(rlp[start:start + size])) >> (8 * (32 - size));
      }
      pos = start + size;
    }
  }

  /// Start and length of the payload of the RLP item at `pos`, and whether it is a list.
  function item(bytes calldata b, uint256 pos) private pure returns (uint256 start, uint256 len, bool isList) {
    if (pos >= b.length) revert BadHeaderRlp();
    uint256 prefix = uint8(b[pos]);
    if (prefix < 0x80) return (pos, 1, false);
    if (prefix < 0xb8) (start, len) = (pos + 1, prefix - 0x80);
    else if (prefix < 0xc0) (start, len) = longLength(b, pos, prefix - 0xb7);
    else if (prefix < 0xf8) (start, len, isList) = (pos + 1, prefix - 0xc0, true);
    else {
      (start, len) = longLength(b, pos, prefix - 0xf7);
      isList = true;
    }
    if (start + len > b.length) revert BadHeaderRlp();
  }

  function longLength(bytes calldata b, uint256 pos, uint256 lenOfLen) private pure returns (uint256, uint256) {
    if (pos + 1 + lenOfLen > b.length) revert BadHeaderRlp();
    uint256 len = uint256(bytes32(b[pos + 1:pos + 1 + lenOfLen])) >> (8 * (32 - lenOfLen));
    return (pos + 1 + lenOfLen, len);
  }
}
