// GENERATED FILE, do not edit: run `npm run gen:rpc-schemas` to regenerate.
// Source: ethereum/execution-apis at commit d08382a (d08382ae5c808680e976fce4b73f4ba91647199b),
// folders src/eth, src/debug and src/schemas (CC0 1.0 Universal), read from the fixtures folder
// execution-apis-spec/ by scripts/gen-rpc-schemas.ts. Documentation keys are dropped; every `$ref`
// points into the schema's own `$defs`. Where geth accepts more than the spec, rpc/schema/patches.ts
// relaxes these schemas at load time; this file stays exactly the spec.
import type { SpecMethods } from './types.ts'

export const SPEC_COMMIT = 'd08382ae5c808680e976fce4b73f4ba91647199b'

export const specMethods: SpecMethods = {
  "debug_getBadBlocks": {
    "params": [],
    "result": {
      "name": "Blocks",
      "schema": {
        "title": "Bad block array",
        "type": "array",
        "items": {
          "$ref": "#/$defs/BadBlock"
        },
        "$defs": {
          "AccessList": {
            "title": "Access list",
            "type": "array",
            "items": {
              "$ref": "#/$defs/AccessListEntry"
            }
          },
          "AccessListEntry": {
            "title": "Access list entry",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "address",
              "storageKeys"
            ],
            "properties": {
              "address": {
                "$ref": "#/$defs/address"
              },
              "storageKeys": {
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              }
            }
          },
          "AuthorizationList": {
            "title": "Authorization List",
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "chainId": {
                  "title": "chainId",
                  "$ref": "#/$defs/uint"
                },
                "nonce": {
                  "title": "nonce",
                  "$ref": "#/$defs/uint"
                },
                "address": {
                  "$ref": "#/$defs/address"
                },
                "yParity": {
                  "title": "yParity",
                  "$ref": "#/$defs/byte"
                },
                "r": {
                  "title": "r",
                  "$ref": "#/$defs/uint256"
                },
                "s": {
                  "title": "s",
                  "$ref": "#/$defs/uint256"
                }
              },
              "required": [
                "chainId",
                "nonce",
                "address",
                "yParity",
                "r",
                "s"
              ]
            }
          },
          "BadBlock": {
            "title": "Bad block",
            "type": "object",
            "required": [
              "block",
              "hash",
              "rlp"
            ],
            "additionalProperties": false,
            "properties": {
              "block": {
                "title": "Block",
                "$ref": "#/$defs/Block"
              },
              "hash": {
                "title": "Hash",
                "$ref": "#/$defs/hash32"
              },
              "rlp": {
                "title": "RLP",
                "$ref": "#/$defs/bytes"
              }
            }
          },
          "Block": {
            "title": "Block object",
            "type": "object",
            "required": [
              "hash",
              "parentHash",
              "sha3Uncles",
              "miner",
              "stateRoot",
              "transactionsRoot",
              "receiptsRoot",
              "logsBloom",
              "number",
              "gasLimit",
              "gasUsed",
              "timestamp",
              "extraData",
              "mixHash",
              "nonce",
              "size",
              "transactions",
              "uncles"
            ],
            "additionalProperties": false,
            "properties": {
              "hash": {
                "title": "Hash",
                "$ref": "#/$defs/hash32"
              },
              "parentHash": {
                "title": "Parent block hash",
                "$ref": "#/$defs/hash32"
              },
              "sha3Uncles": {
                "title": "Ommers hash",
                "$ref": "#/$defs/hash32"
              },
              "miner": {
                "title": "Coinbase",
                "$ref": "#/$defs/address"
              },
              "stateRoot": {
                "title": "State root",
                "$ref": "#/$defs/hash32"
              },
              "transactionsRoot": {
                "title": "Transactions root",
                "$ref": "#/$defs/hash32"
              },
              "receiptsRoot": {
                "title": "Receipts root",
                "$ref": "#/$defs/hash32"
              },
              "logsBloom": {
                "title": "Bloom filter",
                "$ref": "#/$defs/bytes256"
              },
              "difficulty": {
                "title": "Difficulty",
                "$ref": "#/$defs/uint"
              },
              "number": {
                "title": "Number",
                "$ref": "#/$defs/uint"
              },
              "gasLimit": {
                "title": "Gas limit",
                "$ref": "#/$defs/uint"
              },
              "gasUsed": {
                "title": "Gas used",
                "$ref": "#/$defs/uint"
              },
              "timestamp": {
                "title": "Timestamp",
                "$ref": "#/$defs/uint"
              },
              "extraData": {
                "title": "Extra data",
                "$ref": "#/$defs/bytes"
              },
              "mixHash": {
                "title": "Mix hash",
                "$ref": "#/$defs/hash32"
              },
              "nonce": {
                "title": "Nonce",
                "$ref": "#/$defs/bytes8"
              },
              "baseFeePerGas": {
                "title": "Base fee per gas",
                "$ref": "#/$defs/uint"
              },
              "withdrawalsRoot": {
                "title": "Withdrawals root",
                "$ref": "#/$defs/hash32"
              },
              "blobGasUsed": {
                "title": "Blob gas used",
                "$ref": "#/$defs/uint"
              },
              "excessBlobGas": {
                "title": "Excess blob gas",
                "$ref": "#/$defs/uint"
              },
              "parentBeaconBlockRoot": {
                "title": "Parent Beacon Block Root",
                "$ref": "#/$defs/hash32"
              },
              "size": {
                "title": "Block size",
                "$ref": "#/$defs/uint"
              },
              "transactions": {
                "anyOf": [
                  {
                    "title": "Transaction hashes",
                    "type": "array",
                    "items": {
                      "$ref": "#/$defs/hash32"
                    }
                  },
                  {
                    "title": "Full transactions",
                    "type": "array",
                    "items": {
                      "$ref": "#/$defs/TransactionInfo"
                    }
                  }
                ]
              },
              "withdrawals": {
                "title": "Withdrawals",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/Withdrawal"
                }
              },
              "uncles": {
                "title": "Uncles",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              },
              "requestsHash": {
                "title": "EIP-7685 requests hash",
                "$ref": "#/$defs/hash32"
              }
            }
          },
          "Transaction1559Signed": {
            "title": "Signed 1559 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction1559Unsigned"
              },
              {
                "title": "EIP-1559 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction1559Unsigned": {
            "type": "object",
            "title": "EIP-1559 transaction.",
            "required": [
              "type",
              "nonce",
              "gas",
              "value",
              "input",
              "maxFeePerGas",
              "maxPriorityFeePerGas",
              "gasPrice",
              "chainId",
              "accessList"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x2$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "maxPriorityFeePerGas": {
                "title": "max priority fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerGas": {
                "title": "max fee per gas",
                "$ref": "#/$defs/uint"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "Transaction2930Signed": {
            "title": "Signed 2930 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction2930Unsigned"
              },
              {
                "title": "EIP-2930 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction2930Unsigned": {
            "type": "object",
            "title": "EIP-2930 transaction.",
            "required": [
              "type",
              "nonce",
              "gas",
              "value",
              "input",
              "gasPrice",
              "chainId",
              "accessList"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x1$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "Transaction4844Signed": {
            "title": "Signed 4844 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction4844Unsigned"
              },
              {
                "title": "EIP-4844 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction4844Unsigned": {
            "type": "object",
            "title": "EIP-4844 transaction.",
            "required": [
              "type",
              "nonce",
              "to",
              "gas",
              "value",
              "input",
              "maxPriorityFeePerGas",
              "maxFeePerGas",
              "maxFeePerBlobGas",
              "accessList",
              "blobVersionedHashes",
              "chainId"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x3$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "$ref": "#/$defs/address"
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "maxPriorityFeePerGas": {
                "title": "max priority fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerGas": {
                "title": "max fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerBlobGas": {
                "title": "max fee per blob gas",
                "$ref": "#/$defs/uint"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "blobVersionedHashes": {
                "title": "blobVersionedHashes",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "Transaction7702Signed": {
            "title": "Signed 7702 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction7702Unsigned"
              },
              {
                "title": "EIP-7702 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction7702Unsigned": {
            "type": "object",
            "title": "EIP-7702 transaction",
            "required": [
              "type",
              "nonce",
              "to",
              "gas",
              "value",
              "input",
              "maxPriorityFeePerGas",
              "maxFeePerGas",
              "accessList",
              "chainId",
              "authorizationList"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x4$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "$ref": "#/$defs/address"
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "maxPriorityFeePerGas": {
                "title": "max priority fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerGas": {
                "title": "max fee per gas",
                "$ref": "#/$defs/uint"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              },
              "authorizationList": {
                "title": "authorizationList",
                "$ref": "#/$defs/AuthorizationList"
              }
            }
          },
          "TransactionInfo": {
            "type": "object",
            "title": "Transaction information",
            "allOf": [
              {
                "title": "Contextual information",
                "required": [
                  "blockHash",
                  "blockNumber",
                  "from",
                  "hash",
                  "transactionIndex"
                ],
                "unevaluatedProperties": false,
                "properties": {
                  "blockHash": {
                    "title": "block hash",
                    "$ref": "#/$defs/hash32"
                  },
                  "blockNumber": {
                    "title": "block number",
                    "$ref": "#/$defs/uint"
                  },
                  "from": {
                    "title": "from address",
                    "$ref": "#/$defs/address"
                  },
                  "hash": {
                    "title": "transaction hash",
                    "$ref": "#/$defs/hash32"
                  },
                  "transactionIndex": {
                    "title": "transaction index",
                    "$ref": "#/$defs/uint"
                  }
                }
              },
              {
                "$ref": "#/$defs/TransactionSigned"
              }
            ]
          },
          "TransactionLegacySigned": {
            "title": "Signed Legacy Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/TransactionLegacyUnsigned"
              },
              {
                "title": "Legacy transaction signature properties.",
                "required": [
                  "v",
                  "r",
                  "s"
                ],
                "properties": {
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/uint"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "TransactionLegacyUnsigned": {
            "type": "object",
            "title": "Legacy transaction.",
            "required": [
              "type",
              "nonce",
              "gas",
              "value",
              "input",
              "gasPrice"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x0$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "TransactionSigned": {
            "oneOf": [
              {
                "$ref": "#/$defs/Transaction7702Signed"
              },
              {
                "$ref": "#/$defs/Transaction4844Signed"
              },
              {
                "$ref": "#/$defs/Transaction1559Signed"
              },
              {
                "$ref": "#/$defs/Transaction2930Signed"
              },
              {
                "$ref": "#/$defs/TransactionLegacySigned"
              }
            ]
          },
          "Withdrawal": {
            "type": "object",
            "title": "Validator withdrawal",
            "required": [
              "index",
              "validatorIndex",
              "address",
              "amount"
            ],
            "additionalProperties": false,
            "properties": {
              "index": {
                "title": "index of withdrawal",
                "$ref": "#/$defs/uint64"
              },
              "validatorIndex": {
                "title": "index of validator that generated withdrawal",
                "$ref": "#/$defs/uint64"
              },
              "address": {
                "title": "recipient address for withdrawal value",
                "$ref": "#/$defs/address"
              },
              "amount": {
                "title": "value contained in withdrawal",
                "$ref": "#/$defs/uint256"
              }
            }
          },
          "address": {
            "title": "hex encoded address",
            "type": "string",
            "pattern": "^0x[0-9a-fA-F]{40}$"
          },
          "byte": {
            "title": "hex encoded byte",
            "type": "string",
            "pattern": "^0x([0-9a-fA-F]?){1,2}$"
          },
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          },
          "bytes256": {
            "title": "256 hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]{512}$"
          },
          "bytes8": {
            "title": "8 hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]{16}$"
          },
          "hash32": {
            "title": "32 byte hex value",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          },
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          },
          "uint256": {
            "title": "hex encoded 256 bit unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]{0,63})$"
          },
          "uint64": {
            "title": "hex encoded 64 bit unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]{0,15})$"
          }
        }
      }
    }
  },
  "debug_getRawBlock": {
    "params": [
      {
        "name": "Block",
        "required": true,
        "schema": {
          "$ref": "#/$defs/BlockNumberOrTag",
          "$defs": {
            "BlockNumberOrTag": {
              "title": "Block number or tag",
              "oneOf": [
                {
                  "title": "Block number",
                  "$ref": "#/$defs/uint"
                },
                {
                  "title": "Block tag",
                  "$ref": "#/$defs/BlockTag"
                }
              ]
            },
            "BlockTag": {
              "title": "Block tag",
              "type": "string",
              "enum": [
                "earliest",
                "finalized",
                "safe",
                "latest",
                "pending"
              ]
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Block RLP",
      "schema": {
        "$ref": "#/$defs/bytes",
        "$defs": {
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          }
        }
      }
    }
  },
  "debug_getRawHeader": {
    "params": [
      {
        "name": "Block",
        "required": true,
        "schema": {
          "$ref": "#/$defs/BlockNumberOrTag",
          "$defs": {
            "BlockNumberOrTag": {
              "title": "Block number or tag",
              "oneOf": [
                {
                  "title": "Block number",
                  "$ref": "#/$defs/uint"
                },
                {
                  "title": "Block tag",
                  "$ref": "#/$defs/BlockTag"
                }
              ]
            },
            "BlockTag": {
              "title": "Block tag",
              "type": "string",
              "enum": [
                "earliest",
                "finalized",
                "safe",
                "latest",
                "pending"
              ]
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Header RLP",
      "schema": {
        "$ref": "#/$defs/bytes",
        "$defs": {
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          }
        }
      }
    }
  },
  "debug_getRawReceipts": {
    "params": [
      {
        "name": "Block",
        "required": true,
        "schema": {
          "$ref": "#/$defs/BlockNumberOrTag",
          "$defs": {
            "BlockNumberOrTag": {
              "title": "Block number or tag",
              "oneOf": [
                {
                  "title": "Block number",
                  "$ref": "#/$defs/uint"
                },
                {
                  "title": "Block tag",
                  "$ref": "#/$defs/BlockTag"
                }
              ]
            },
            "BlockTag": {
              "title": "Block tag",
              "type": "string",
              "enum": [
                "earliest",
                "finalized",
                "safe",
                "latest",
                "pending"
              ]
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Receipts",
      "schema": {
        "title": "Receipt array",
        "type": "array",
        "items": {
          "$ref": "#/$defs/bytes"
        },
        "$defs": {
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          }
        }
      }
    }
  },
  "debug_getRawTransaction": {
    "params": [
      {
        "name": "Transaction hash",
        "required": true,
        "schema": {
          "$ref": "#/$defs/hash32",
          "$defs": {
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "EIP-2718 binary-encoded transaction",
      "schema": {
        "$ref": "#/$defs/bytes",
        "$defs": {
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          }
        }
      }
    }
  },
  "eth_accounts": {
    "params": [],
    "result": {
      "name": "Accounts",
      "schema": {
        "title": "Accounts",
        "type": "array",
        "items": {
          "$ref": "#/$defs/address"
        },
        "$defs": {
          "address": {
            "title": "hex encoded address",
            "type": "string",
            "pattern": "^0x[0-9a-fA-F]{40}$"
          }
        }
      }
    }
  },
  "eth_blobBaseFee": {
    "params": [],
    "result": {
      "name": "Blob gas base fee",
      "schema": {
        "title": "Blob gas base fee",
        "$ref": "#/$defs/uint",
        "$defs": {
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_blockNumber": {
    "params": [],
    "result": {
      "name": "Block number",
      "schema": {
        "$ref": "#/$defs/uint",
        "$defs": {
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_call": {
    "params": [
      {
        "name": "Transaction",
        "required": true,
        "schema": {
          "$ref": "#/$defs/GenericTransaction",
          "$defs": {
            "AccessList": {
              "title": "Access list",
              "type": "array",
              "items": {
                "$ref": "#/$defs/AccessListEntry"
              }
            },
            "AccessListEntry": {
              "title": "Access list entry",
              "type": "object",
              "additionalProperties": false,
              "required": [
                "address",
                "storageKeys"
              ],
              "properties": {
                "address": {
                  "$ref": "#/$defs/address"
                },
                "storageKeys": {
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/hash32"
                  }
                }
              }
            },
            "AuthorizationList": {
              "title": "Authorization List",
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "chainId": {
                    "title": "chainId",
                    "$ref": "#/$defs/uint"
                  },
                  "nonce": {
                    "title": "nonce",
                    "$ref": "#/$defs/uint"
                  },
                  "address": {
                    "$ref": "#/$defs/address"
                  },
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint256"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint256"
                  }
                },
                "required": [
                  "chainId",
                  "nonce",
                  "address",
                  "yParity",
                  "r",
                  "s"
                ]
              }
            },
            "GenericTransaction": {
              "type": "object",
              "title": "Transaction object generic to all types",
              "additionalProperties": false,
              "properties": {
                "type": {
                  "title": "type",
                  "$ref": "#/$defs/byte"
                },
                "nonce": {
                  "title": "nonce",
                  "$ref": "#/$defs/uint"
                },
                "to": {
                  "title": "to address",
                  "oneOf": [
                    {
                      "title": "Contract Creation (null)",
                      "type": "null"
                    },
                    {
                      "title": "Address",
                      "$ref": "#/$defs/address"
                    }
                  ]
                },
                "from": {
                  "title": "from address",
                  "$ref": "#/$defs/address"
                },
                "gas": {
                  "title": "gas limit",
                  "$ref": "#/$defs/uint"
                },
                "value": {
                  "title": "value",
                  "$ref": "#/$defs/uint"
                },
                "input": {
                  "title": "input data",
                  "$ref": "#/$defs/bytes"
                },
                "gasPrice": {
                  "title": "gas price",
                  "$ref": "#/$defs/uint"
                },
                "maxPriorityFeePerGas": {
                  "title": "max priority fee per gas",
                  "$ref": "#/$defs/uint"
                },
                "maxFeePerGas": {
                  "title": "max fee per gas",
                  "$ref": "#/$defs/uint"
                },
                "maxFeePerBlobGas": {
                  "title": "max fee per blob gas",
                  "$ref": "#/$defs/uint"
                },
                "accessList": {
                  "title": "accessList",
                  "$ref": "#/$defs/AccessList"
                },
                "blobVersionedHashes": {
                  "title": "blobVersionedHashes",
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/hash32"
                  }
                },
                "blobs": {
                  "title": "blobs",
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/bytes"
                  }
                },
                "chainId": {
                  "title": "chainId",
                  "$ref": "#/$defs/uint"
                },
                "authorizationList": {
                  "title": "authorizationList",
                  "$ref": "#/$defs/AuthorizationList"
                }
              }
            },
            "address": {
              "title": "hex encoded address",
              "type": "string",
              "pattern": "^0x[0-9a-fA-F]{40}$"
            },
            "byte": {
              "title": "hex encoded byte",
              "type": "string",
              "pattern": "^0x([0-9a-fA-F]?){1,2}$"
            },
            "bytes": {
              "title": "hex encoded bytes",
              "type": "string",
              "pattern": "^0x[0-9a-f]*$"
            },
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            },
            "uint256": {
              "title": "hex encoded 256 bit unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]{0,63})$"
            }
          }
        }
      },
      {
        "name": "Block",
        "required": false,
        "schema": {
          "$ref": "#/$defs/BlockNumberOrTagOrHash",
          "$defs": {
            "BlockNumberOrTagOrHash": {
              "title": "Block number, tag, or block hash",
              "anyOf": [
                {
                  "title": "Block number",
                  "$ref": "#/$defs/uint"
                },
                {
                  "title": "Block tag",
                  "$ref": "#/$defs/BlockTag"
                },
                {
                  "title": "Block hash",
                  "$ref": "#/$defs/hash32"
                }
              ]
            },
            "BlockTag": {
              "title": "Block tag",
              "type": "string",
              "enum": [
                "earliest",
                "finalized",
                "safe",
                "latest",
                "pending"
              ]
            },
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Return data",
      "schema": {
        "$ref": "#/$defs/bytes",
        "$defs": {
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          }
        }
      }
    }
  },
  "eth_chainId": {
    "params": [],
    "result": {
      "name": "Chain ID",
      "schema": {
        "$ref": "#/$defs/uint",
        "$defs": {
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_coinbase": {
    "params": [],
    "result": {
      "name": "Coinbase address",
      "schema": {
        "$ref": "#/$defs/address",
        "$defs": {
          "address": {
            "title": "hex encoded address",
            "type": "string",
            "pattern": "^0x[0-9a-fA-F]{40}$"
          }
        }
      }
    }
  },
  "eth_createAccessList": {
    "params": [
      {
        "name": "Transaction",
        "required": true,
        "schema": {
          "$ref": "#/$defs/GenericTransaction",
          "$defs": {
            "AccessList": {
              "title": "Access list",
              "type": "array",
              "items": {
                "$ref": "#/$defs/AccessListEntry"
              }
            },
            "AccessListEntry": {
              "title": "Access list entry",
              "type": "object",
              "additionalProperties": false,
              "required": [
                "address",
                "storageKeys"
              ],
              "properties": {
                "address": {
                  "$ref": "#/$defs/address"
                },
                "storageKeys": {
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/hash32"
                  }
                }
              }
            },
            "AuthorizationList": {
              "title": "Authorization List",
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "chainId": {
                    "title": "chainId",
                    "$ref": "#/$defs/uint"
                  },
                  "nonce": {
                    "title": "nonce",
                    "$ref": "#/$defs/uint"
                  },
                  "address": {
                    "$ref": "#/$defs/address"
                  },
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint256"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint256"
                  }
                },
                "required": [
                  "chainId",
                  "nonce",
                  "address",
                  "yParity",
                  "r",
                  "s"
                ]
              }
            },
            "GenericTransaction": {
              "type": "object",
              "title": "Transaction object generic to all types",
              "additionalProperties": false,
              "properties": {
                "type": {
                  "title": "type",
                  "$ref": "#/$defs/byte"
                },
                "nonce": {
                  "title": "nonce",
                  "$ref": "#/$defs/uint"
                },
                "to": {
                  "title": "to address",
                  "oneOf": [
                    {
                      "title": "Contract Creation (null)",
                      "type": "null"
                    },
                    {
                      "title": "Address",
                      "$ref": "#/$defs/address"
                    }
                  ]
                },
                "from": {
                  "title": "from address",
                  "$ref": "#/$defs/address"
                },
                "gas": {
                  "title": "gas limit",
                  "$ref": "#/$defs/uint"
                },
                "value": {
                  "title": "value",
                  "$ref": "#/$defs/uint"
                },
                "input": {
                  "title": "input data",
                  "$ref": "#/$defs/bytes"
                },
                "gasPrice": {
                  "title": "gas price",
                  "$ref": "#/$defs/uint"
                },
                "maxPriorityFeePerGas": {
                  "title": "max priority fee per gas",
                  "$ref": "#/$defs/uint"
                },
                "maxFeePerGas": {
                  "title": "max fee per gas",
                  "$ref": "#/$defs/uint"
                },
                "maxFeePerBlobGas": {
                  "title": "max fee per blob gas",
                  "$ref": "#/$defs/uint"
                },
                "accessList": {
                  "title": "accessList",
                  "$ref": "#/$defs/AccessList"
                },
                "blobVersionedHashes": {
                  "title": "blobVersionedHashes",
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/hash32"
                  }
                },
                "blobs": {
                  "title": "blobs",
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/bytes"
                  }
                },
                "chainId": {
                  "title": "chainId",
                  "$ref": "#/$defs/uint"
                },
                "authorizationList": {
                  "title": "authorizationList",
                  "$ref": "#/$defs/AuthorizationList"
                }
              }
            },
            "address": {
              "title": "hex encoded address",
              "type": "string",
              "pattern": "^0x[0-9a-fA-F]{40}$"
            },
            "byte": {
              "title": "hex encoded byte",
              "type": "string",
              "pattern": "^0x([0-9a-fA-F]?){1,2}$"
            },
            "bytes": {
              "title": "hex encoded bytes",
              "type": "string",
              "pattern": "^0x[0-9a-f]*$"
            },
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            },
            "uint256": {
              "title": "hex encoded 256 bit unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]{0,63})$"
            }
          }
        }
      },
      {
        "name": "Block",
        "required": false,
        "schema": {
          "$ref": "#/$defs/BlockNumberOrTag",
          "$defs": {
            "BlockNumberOrTag": {
              "title": "Block number or tag",
              "oneOf": [
                {
                  "title": "Block number",
                  "$ref": "#/$defs/uint"
                },
                {
                  "title": "Block tag",
                  "$ref": "#/$defs/BlockTag"
                }
              ]
            },
            "BlockTag": {
              "title": "Block tag",
              "type": "string",
              "enum": [
                "earliest",
                "finalized",
                "safe",
                "latest",
                "pending"
              ]
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Gas used",
      "schema": {
        "title": "Access list result",
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "accessList": {
            "title": "accessList",
            "$ref": "#/$defs/AccessList"
          },
          "error": {
            "title": "error",
            "type": "string"
          },
          "gasUsed": {
            "title": "Gas used",
            "$ref": "#/$defs/uint"
          }
        },
        "$defs": {
          "AccessList": {
            "title": "Access list",
            "type": "array",
            "items": {
              "$ref": "#/$defs/AccessListEntry"
            }
          },
          "AccessListEntry": {
            "title": "Access list entry",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "address",
              "storageKeys"
            ],
            "properties": {
              "address": {
                "$ref": "#/$defs/address"
              },
              "storageKeys": {
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              }
            }
          },
          "address": {
            "title": "hex encoded address",
            "type": "string",
            "pattern": "^0x[0-9a-fA-F]{40}$"
          },
          "hash32": {
            "title": "32 byte hex value",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          },
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_estimateGas": {
    "params": [
      {
        "name": "Transaction",
        "required": true,
        "schema": {
          "$ref": "#/$defs/GenericTransaction",
          "$defs": {
            "AccessList": {
              "title": "Access list",
              "type": "array",
              "items": {
                "$ref": "#/$defs/AccessListEntry"
              }
            },
            "AccessListEntry": {
              "title": "Access list entry",
              "type": "object",
              "additionalProperties": false,
              "required": [
                "address",
                "storageKeys"
              ],
              "properties": {
                "address": {
                  "$ref": "#/$defs/address"
                },
                "storageKeys": {
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/hash32"
                  }
                }
              }
            },
            "AuthorizationList": {
              "title": "Authorization List",
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "chainId": {
                    "title": "chainId",
                    "$ref": "#/$defs/uint"
                  },
                  "nonce": {
                    "title": "nonce",
                    "$ref": "#/$defs/uint"
                  },
                  "address": {
                    "$ref": "#/$defs/address"
                  },
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint256"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint256"
                  }
                },
                "required": [
                  "chainId",
                  "nonce",
                  "address",
                  "yParity",
                  "r",
                  "s"
                ]
              }
            },
            "GenericTransaction": {
              "type": "object",
              "title": "Transaction object generic to all types",
              "additionalProperties": false,
              "properties": {
                "type": {
                  "title": "type",
                  "$ref": "#/$defs/byte"
                },
                "nonce": {
                  "title": "nonce",
                  "$ref": "#/$defs/uint"
                },
                "to": {
                  "title": "to address",
                  "oneOf": [
                    {
                      "title": "Contract Creation (null)",
                      "type": "null"
                    },
                    {
                      "title": "Address",
                      "$ref": "#/$defs/address"
                    }
                  ]
                },
                "from": {
                  "title": "from address",
                  "$ref": "#/$defs/address"
                },
                "gas": {
                  "title": "gas limit",
                  "$ref": "#/$defs/uint"
                },
                "value": {
                  "title": "value",
                  "$ref": "#/$defs/uint"
                },
                "input": {
                  "title": "input data",
                  "$ref": "#/$defs/bytes"
                },
                "gasPrice": {
                  "title": "gas price",
                  "$ref": "#/$defs/uint"
                },
                "maxPriorityFeePerGas": {
                  "title": "max priority fee per gas",
                  "$ref": "#/$defs/uint"
                },
                "maxFeePerGas": {
                  "title": "max fee per gas",
                  "$ref": "#/$defs/uint"
                },
                "maxFeePerBlobGas": {
                  "title": "max fee per blob gas",
                  "$ref": "#/$defs/uint"
                },
                "accessList": {
                  "title": "accessList",
                  "$ref": "#/$defs/AccessList"
                },
                "blobVersionedHashes": {
                  "title": "blobVersionedHashes",
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/hash32"
                  }
                },
                "blobs": {
                  "title": "blobs",
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/bytes"
                  }
                },
                "chainId": {
                  "title": "chainId",
                  "$ref": "#/$defs/uint"
                },
                "authorizationList": {
                  "title": "authorizationList",
                  "$ref": "#/$defs/AuthorizationList"
                }
              }
            },
            "address": {
              "title": "hex encoded address",
              "type": "string",
              "pattern": "^0x[0-9a-fA-F]{40}$"
            },
            "byte": {
              "title": "hex encoded byte",
              "type": "string",
              "pattern": "^0x([0-9a-fA-F]?){1,2}$"
            },
            "bytes": {
              "title": "hex encoded bytes",
              "type": "string",
              "pattern": "^0x[0-9a-f]*$"
            },
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            },
            "uint256": {
              "title": "hex encoded 256 bit unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]{0,63})$"
            }
          }
        }
      },
      {
        "name": "Block",
        "required": false,
        "schema": {
          "$ref": "#/$defs/BlockNumberOrTag",
          "$defs": {
            "BlockNumberOrTag": {
              "title": "Block number or tag",
              "oneOf": [
                {
                  "title": "Block number",
                  "$ref": "#/$defs/uint"
                },
                {
                  "title": "Block tag",
                  "$ref": "#/$defs/BlockTag"
                }
              ]
            },
            "BlockTag": {
              "title": "Block tag",
              "type": "string",
              "enum": [
                "earliest",
                "finalized",
                "safe",
                "latest",
                "pending"
              ]
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Gas used",
      "schema": {
        "$ref": "#/$defs/uint",
        "$defs": {
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_feeHistory": {
    "params": [
      {
        "name": "blockCount",
        "required": true,
        "schema": {
          "$ref": "#/$defs/uint",
          "$defs": {
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      },
      {
        "name": "newestBlock",
        "required": true,
        "schema": {
          "$ref": "#/$defs/BlockNumberOrTag",
          "$defs": {
            "BlockNumberOrTag": {
              "title": "Block number or tag",
              "oneOf": [
                {
                  "title": "Block number",
                  "$ref": "#/$defs/uint"
                },
                {
                  "title": "Block tag",
                  "$ref": "#/$defs/BlockTag"
                }
              ]
            },
            "BlockTag": {
              "title": "Block tag",
              "type": "string",
              "enum": [
                "earliest",
                "finalized",
                "safe",
                "latest",
                "pending"
              ]
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      },
      {
        "name": "rewardPercentiles",
        "required": true,
        "schema": {
          "title": "rewardPercentiles",
          "type": "array",
          "items": {
            "title": "rewardPercentile",
            "type": "number"
          }
        }
      }
    ],
    "result": {
      "name": "Fee history result",
      "schema": {
        "title": "feeHistoryResults",
        "type": "object",
        "required": [
          "oldestBlock",
          "baseFeePerGas",
          "gasUsedRatio"
        ],
        "additionalProperties": false,
        "properties": {
          "oldestBlock": {
            "title": "oldestBlock",
            "$ref": "#/$defs/uint"
          },
          "baseFeePerGas": {
            "title": "baseFeePerGasArray",
            "type": "array",
            "items": {
              "$ref": "#/$defs/uint"
            }
          },
          "baseFeePerBlobGas": {
            "title": "baseFeePerBlobGasArray",
            "type": "array",
            "items": {
              "$ref": "#/$defs/uint"
            }
          },
          "gasUsedRatio": {
            "title": "gasUsedRatio",
            "type": "array",
            "items": {
              "$ref": "#/$defs/ratio"
            }
          },
          "blobGasUsedRatio": {
            "title": "blobGasUsedRatio",
            "type": "array",
            "items": {
              "$ref": "#/$defs/ratio"
            }
          },
          "reward": {
            "title": "rewardArray",
            "type": "array",
            "items": {
              "title": "rewardPercentile",
              "type": "array",
              "items": {
                "title": "rewardPercentile",
                "$ref": "#/$defs/uint"
              }
            }
          }
        },
        "$defs": {
          "ratio": {
            "title": "normalized ratio",
            "type": "number",
            "minimum": 0,
            "maximum": 1
          },
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_gasPrice": {
    "params": [],
    "result": {
      "name": "Gas price",
      "schema": {
        "title": "Gas price",
        "$ref": "#/$defs/uint",
        "$defs": {
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_getBalance": {
    "params": [
      {
        "name": "Address",
        "required": true,
        "schema": {
          "$ref": "#/$defs/address",
          "$defs": {
            "address": {
              "title": "hex encoded address",
              "type": "string",
              "pattern": "^0x[0-9a-fA-F]{40}$"
            }
          }
        }
      },
      {
        "name": "Block",
        "required": true,
        "schema": {
          "$ref": "#/$defs/BlockNumberOrTagOrHash",
          "$defs": {
            "BlockNumberOrTagOrHash": {
              "title": "Block number, tag, or block hash",
              "anyOf": [
                {
                  "title": "Block number",
                  "$ref": "#/$defs/uint"
                },
                {
                  "title": "Block tag",
                  "$ref": "#/$defs/BlockTag"
                },
                {
                  "title": "Block hash",
                  "$ref": "#/$defs/hash32"
                }
              ]
            },
            "BlockTag": {
              "title": "Block tag",
              "type": "string",
              "enum": [
                "earliest",
                "finalized",
                "safe",
                "latest",
                "pending"
              ]
            },
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Balance",
      "schema": {
        "$ref": "#/$defs/uint",
        "$defs": {
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_getBlockByHash": {
    "params": [
      {
        "name": "Block hash",
        "required": true,
        "schema": {
          "$ref": "#/$defs/hash32",
          "$defs": {
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            }
          }
        }
      },
      {
        "name": "Hydrated transactions",
        "required": true,
        "schema": {
          "title": "hydrated",
          "type": "boolean"
        }
      }
    ],
    "result": {
      "name": "Block information",
      "schema": {
        "oneOf": [
          {
            "$ref": "#/$defs/notFound"
          },
          {
            "$ref": "#/$defs/Block"
          }
        ],
        "$defs": {
          "AccessList": {
            "title": "Access list",
            "type": "array",
            "items": {
              "$ref": "#/$defs/AccessListEntry"
            }
          },
          "AccessListEntry": {
            "title": "Access list entry",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "address",
              "storageKeys"
            ],
            "properties": {
              "address": {
                "$ref": "#/$defs/address"
              },
              "storageKeys": {
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              }
            }
          },
          "AuthorizationList": {
            "title": "Authorization List",
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "chainId": {
                  "title": "chainId",
                  "$ref": "#/$defs/uint"
                },
                "nonce": {
                  "title": "nonce",
                  "$ref": "#/$defs/uint"
                },
                "address": {
                  "$ref": "#/$defs/address"
                },
                "yParity": {
                  "title": "yParity",
                  "$ref": "#/$defs/byte"
                },
                "r": {
                  "title": "r",
                  "$ref": "#/$defs/uint256"
                },
                "s": {
                  "title": "s",
                  "$ref": "#/$defs/uint256"
                }
              },
              "required": [
                "chainId",
                "nonce",
                "address",
                "yParity",
                "r",
                "s"
              ]
            }
          },
          "Block": {
            "title": "Block object",
            "type": "object",
            "required": [
              "hash",
              "parentHash",
              "sha3Uncles",
              "miner",
              "stateRoot",
              "transactionsRoot",
              "receiptsRoot",
              "logsBloom",
              "number",
              "gasLimit",
              "gasUsed",
              "timestamp",
              "extraData",
              "mixHash",
              "nonce",
              "size",
              "transactions",
              "uncles"
            ],
            "additionalProperties": false,
            "properties": {
              "hash": {
                "title": "Hash",
                "$ref": "#/$defs/hash32"
              },
              "parentHash": {
                "title": "Parent block hash",
                "$ref": "#/$defs/hash32"
              },
              "sha3Uncles": {
                "title": "Ommers hash",
                "$ref": "#/$defs/hash32"
              },
              "miner": {
                "title": "Coinbase",
                "$ref": "#/$defs/address"
              },
              "stateRoot": {
                "title": "State root",
                "$ref": "#/$defs/hash32"
              },
              "transactionsRoot": {
                "title": "Transactions root",
                "$ref": "#/$defs/hash32"
              },
              "receiptsRoot": {
                "title": "Receipts root",
                "$ref": "#/$defs/hash32"
              },
              "logsBloom": {
                "title": "Bloom filter",
                "$ref": "#/$defs/bytes256"
              },
              "difficulty": {
                "title": "Difficulty",
                "$ref": "#/$defs/uint"
              },
              "number": {
                "title": "Number",
                "$ref": "#/$defs/uint"
              },
              "gasLimit": {
                "title": "Gas limit",
                "$ref": "#/$defs/uint"
              },
              "gasUsed": {
                "title": "Gas used",
                "$ref": "#/$defs/uint"
              },
              "timestamp": {
                "title": "Timestamp",
                "$ref": "#/$defs/uint"
              },
              "extraData": {
                "title": "Extra data",
                "$ref": "#/$defs/bytes"
              },
              "mixHash": {
                "title": "Mix hash",
                "$ref": "#/$defs/hash32"
              },
              "nonce": {
                "title": "Nonce",
                "$ref": "#/$defs/bytes8"
              },
              "baseFeePerGas": {
                "title": "Base fee per gas",
                "$ref": "#/$defs/uint"
              },
              "withdrawalsRoot": {
                "title": "Withdrawals root",
                "$ref": "#/$defs/hash32"
              },
              "blobGasUsed": {
                "title": "Blob gas used",
                "$ref": "#/$defs/uint"
              },
              "excessBlobGas": {
                "title": "Excess blob gas",
                "$ref": "#/$defs/uint"
              },
              "parentBeaconBlockRoot": {
                "title": "Parent Beacon Block Root",
                "$ref": "#/$defs/hash32"
              },
              "size": {
                "title": "Block size",
                "$ref": "#/$defs/uint"
              },
              "transactions": {
                "anyOf": [
                  {
                    "title": "Transaction hashes",
                    "type": "array",
                    "items": {
                      "$ref": "#/$defs/hash32"
                    }
                  },
                  {
                    "title": "Full transactions",
                    "type": "array",
                    "items": {
                      "$ref": "#/$defs/TransactionInfo"
                    }
                  }
                ]
              },
              "withdrawals": {
                "title": "Withdrawals",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/Withdrawal"
                }
              },
              "uncles": {
                "title": "Uncles",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              },
              "requestsHash": {
                "title": "EIP-7685 requests hash",
                "$ref": "#/$defs/hash32"
              }
            }
          },
          "Transaction1559Signed": {
            "title": "Signed 1559 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction1559Unsigned"
              },
              {
                "title": "EIP-1559 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction1559Unsigned": {
            "type": "object",
            "title": "EIP-1559 transaction.",
            "required": [
              "type",
              "nonce",
              "gas",
              "value",
              "input",
              "maxFeePerGas",
              "maxPriorityFeePerGas",
              "gasPrice",
              "chainId",
              "accessList"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x2$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "maxPriorityFeePerGas": {
                "title": "max priority fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerGas": {
                "title": "max fee per gas",
                "$ref": "#/$defs/uint"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "Transaction2930Signed": {
            "title": "Signed 2930 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction2930Unsigned"
              },
              {
                "title": "EIP-2930 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction2930Unsigned": {
            "type": "object",
            "title": "EIP-2930 transaction.",
            "required": [
              "type",
              "nonce",
              "gas",
              "value",
              "input",
              "gasPrice",
              "chainId",
              "accessList"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x1$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "Transaction4844Signed": {
            "title": "Signed 4844 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction4844Unsigned"
              },
              {
                "title": "EIP-4844 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction4844Unsigned": {
            "type": "object",
            "title": "EIP-4844 transaction.",
            "required": [
              "type",
              "nonce",
              "to",
              "gas",
              "value",
              "input",
              "maxPriorityFeePerGas",
              "maxFeePerGas",
              "maxFeePerBlobGas",
              "accessList",
              "blobVersionedHashes",
              "chainId"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x3$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "$ref": "#/$defs/address"
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "maxPriorityFeePerGas": {
                "title": "max priority fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerGas": {
                "title": "max fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerBlobGas": {
                "title": "max fee per blob gas",
                "$ref": "#/$defs/uint"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "blobVersionedHashes": {
                "title": "blobVersionedHashes",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "Transaction7702Signed": {
            "title": "Signed 7702 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction7702Unsigned"
              },
              {
                "title": "EIP-7702 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction7702Unsigned": {
            "type": "object",
            "title": "EIP-7702 transaction",
            "required": [
              "type",
              "nonce",
              "to",
              "gas",
              "value",
              "input",
              "maxPriorityFeePerGas",
              "maxFeePerGas",
              "accessList",
              "chainId",
              "authorizationList"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x4$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "$ref": "#/$defs/address"
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "maxPriorityFeePerGas": {
                "title": "max priority fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerGas": {
                "title": "max fee per gas",
                "$ref": "#/$defs/uint"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              },
              "authorizationList": {
                "title": "authorizationList",
                "$ref": "#/$defs/AuthorizationList"
              }
            }
          },
          "TransactionInfo": {
            "type": "object",
            "title": "Transaction information",
            "allOf": [
              {
                "title": "Contextual information",
                "required": [
                  "blockHash",
                  "blockNumber",
                  "from",
                  "hash",
                  "transactionIndex"
                ],
                "unevaluatedProperties": false,
                "properties": {
                  "blockHash": {
                    "title": "block hash",
                    "$ref": "#/$defs/hash32"
                  },
                  "blockNumber": {
                    "title": "block number",
                    "$ref": "#/$defs/uint"
                  },
                  "from": {
                    "title": "from address",
                    "$ref": "#/$defs/address"
                  },
                  "hash": {
                    "title": "transaction hash",
                    "$ref": "#/$defs/hash32"
                  },
                  "transactionIndex": {
                    "title": "transaction index",
                    "$ref": "#/$defs/uint"
                  }
                }
              },
              {
                "$ref": "#/$defs/TransactionSigned"
              }
            ]
          },
          "TransactionLegacySigned": {
            "title": "Signed Legacy Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/TransactionLegacyUnsigned"
              },
              {
                "title": "Legacy transaction signature properties.",
                "required": [
                  "v",
                  "r",
                  "s"
                ],
                "properties": {
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/uint"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "TransactionLegacyUnsigned": {
            "type": "object",
            "title": "Legacy transaction.",
            "required": [
              "type",
              "nonce",
              "gas",
              "value",
              "input",
              "gasPrice"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x0$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "TransactionSigned": {
            "oneOf": [
              {
                "$ref": "#/$defs/Transaction7702Signed"
              },
              {
                "$ref": "#/$defs/Transaction4844Signed"
              },
              {
                "$ref": "#/$defs/Transaction1559Signed"
              },
              {
                "$ref": "#/$defs/Transaction2930Signed"
              },
              {
                "$ref": "#/$defs/TransactionLegacySigned"
              }
            ]
          },
          "Withdrawal": {
            "type": "object",
            "title": "Validator withdrawal",
            "required": [
              "index",
              "validatorIndex",
              "address",
              "amount"
            ],
            "additionalProperties": false,
            "properties": {
              "index": {
                "title": "index of withdrawal",
                "$ref": "#/$defs/uint64"
              },
              "validatorIndex": {
                "title": "index of validator that generated withdrawal",
                "$ref": "#/$defs/uint64"
              },
              "address": {
                "title": "recipient address for withdrawal value",
                "$ref": "#/$defs/address"
              },
              "amount": {
                "title": "value contained in withdrawal",
                "$ref": "#/$defs/uint256"
              }
            }
          },
          "address": {
            "title": "hex encoded address",
            "type": "string",
            "pattern": "^0x[0-9a-fA-F]{40}$"
          },
          "byte": {
            "title": "hex encoded byte",
            "type": "string",
            "pattern": "^0x([0-9a-fA-F]?){1,2}$"
          },
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          },
          "bytes256": {
            "title": "256 hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]{512}$"
          },
          "bytes8": {
            "title": "8 hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]{16}$"
          },
          "hash32": {
            "title": "32 byte hex value",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          },
          "notFound": {
            "title": "Not Found (null)",
            "type": "null"
          },
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          },
          "uint256": {
            "title": "hex encoded 256 bit unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]{0,63})$"
          },
          "uint64": {
            "title": "hex encoded 64 bit unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]{0,15})$"
          }
        }
      }
    }
  },
  "eth_getBlockByNumber": {
    "params": [
      {
        "name": "Block",
        "required": true,
        "schema": {
          "$ref": "#/$defs/BlockNumberOrTag",
          "$defs": {
            "BlockNumberOrTag": {
              "title": "Block number or tag",
              "oneOf": [
                {
                  "title": "Block number",
                  "$ref": "#/$defs/uint"
                },
                {
                  "title": "Block tag",
                  "$ref": "#/$defs/BlockTag"
                }
              ]
            },
            "BlockTag": {
              "title": "Block tag",
              "type": "string",
              "enum": [
                "earliest",
                "finalized",
                "safe",
                "latest",
                "pending"
              ]
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      },
      {
        "name": "Hydrated transactions",
        "required": true,
        "schema": {
          "title": "hydrated",
          "type": "boolean"
        }
      }
    ],
    "result": {
      "name": "Block information",
      "schema": {
        "oneOf": [
          {
            "$ref": "#/$defs/notFound"
          },
          {
            "$ref": "#/$defs/Block"
          }
        ],
        "$defs": {
          "AccessList": {
            "title": "Access list",
            "type": "array",
            "items": {
              "$ref": "#/$defs/AccessListEntry"
            }
          },
          "AccessListEntry": {
            "title": "Access list entry",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "address",
              "storageKeys"
            ],
            "properties": {
              "address": {
                "$ref": "#/$defs/address"
              },
              "storageKeys": {
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              }
            }
          },
          "AuthorizationList": {
            "title": "Authorization List",
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "chainId": {
                  "title": "chainId",
                  "$ref": "#/$defs/uint"
                },
                "nonce": {
                  "title": "nonce",
                  "$ref": "#/$defs/uint"
                },
                "address": {
                  "$ref": "#/$defs/address"
                },
                "yParity": {
                  "title": "yParity",
                  "$ref": "#/$defs/byte"
                },
                "r": {
                  "title": "r",
                  "$ref": "#/$defs/uint256"
                },
                "s": {
                  "title": "s",
                  "$ref": "#/$defs/uint256"
                }
              },
              "required": [
                "chainId",
                "nonce",
                "address",
                "yParity",
                "r",
                "s"
              ]
            }
          },
          "Block": {
            "title": "Block object",
            "type": "object",
            "required": [
              "hash",
              "parentHash",
              "sha3Uncles",
              "miner",
              "stateRoot",
              "transactionsRoot",
              "receiptsRoot",
              "logsBloom",
              "number",
              "gasLimit",
              "gasUsed",
              "timestamp",
              "extraData",
              "mixHash",
              "nonce",
              "size",
              "transactions",
              "uncles"
            ],
            "additionalProperties": false,
            "properties": {
              "hash": {
                "title": "Hash",
                "$ref": "#/$defs/hash32"
              },
              "parentHash": {
                "title": "Parent block hash",
                "$ref": "#/$defs/hash32"
              },
              "sha3Uncles": {
                "title": "Ommers hash",
                "$ref": "#/$defs/hash32"
              },
              "miner": {
                "title": "Coinbase",
                "$ref": "#/$defs/address"
              },
              "stateRoot": {
                "title": "State root",
                "$ref": "#/$defs/hash32"
              },
              "transactionsRoot": {
                "title": "Transactions root",
                "$ref": "#/$defs/hash32"
              },
              "receiptsRoot": {
                "title": "Receipts root",
                "$ref": "#/$defs/hash32"
              },
              "logsBloom": {
                "title": "Bloom filter",
                "$ref": "#/$defs/bytes256"
              },
              "difficulty": {
                "title": "Difficulty",
                "$ref": "#/$defs/uint"
              },
              "number": {
                "title": "Number",
                "$ref": "#/$defs/uint"
              },
              "gasLimit": {
                "title": "Gas limit",
                "$ref": "#/$defs/uint"
              },
              "gasUsed": {
                "title": "Gas used",
                "$ref": "#/$defs/uint"
              },
              "timestamp": {
                "title": "Timestamp",
                "$ref": "#/$defs/uint"
              },
              "extraData": {
                "title": "Extra data",
                "$ref": "#/$defs/bytes"
              },
              "mixHash": {
                "title": "Mix hash",
                "$ref": "#/$defs/hash32"
              },
              "nonce": {
                "title": "Nonce",
                "$ref": "#/$defs/bytes8"
              },
              "baseFeePerGas": {
                "title": "Base fee per gas",
                "$ref": "#/$defs/uint"
              },
              "withdrawalsRoot": {
                "title": "Withdrawals root",
                "$ref": "#/$defs/hash32"
              },
              "blobGasUsed": {
                "title": "Blob gas used",
                "$ref": "#/$defs/uint"
              },
              "excessBlobGas": {
                "title": "Excess blob gas",
                "$ref": "#/$defs/uint"
              },
              "parentBeaconBlockRoot": {
                "title": "Parent Beacon Block Root",
                "$ref": "#/$defs/hash32"
              },
              "size": {
                "title": "Block size",
                "$ref": "#/$defs/uint"
              },
              "transactions": {
                "anyOf": [
                  {
                    "title": "Transaction hashes",
                    "type": "array",
                    "items": {
                      "$ref": "#/$defs/hash32"
                    }
                  },
                  {
                    "title": "Full transactions",
                    "type": "array",
                    "items": {
                      "$ref": "#/$defs/TransactionInfo"
                    }
                  }
                ]
              },
              "withdrawals": {
                "title": "Withdrawals",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/Withdrawal"
                }
              },
              "uncles": {
                "title": "Uncles",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              },
              "requestsHash": {
                "title": "EIP-7685 requests hash",
                "$ref": "#/$defs/hash32"
              }
            }
          },
          "Transaction1559Signed": {
            "title": "Signed 1559 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction1559Unsigned"
              },
              {
                "title": "EIP-1559 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction1559Unsigned": {
            "type": "object",
            "title": "EIP-1559 transaction.",
            "required": [
              "type",
              "nonce",
              "gas",
              "value",
              "input",
              "maxFeePerGas",
              "maxPriorityFeePerGas",
              "gasPrice",
              "chainId",
              "accessList"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x2$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "maxPriorityFeePerGas": {
                "title": "max priority fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerGas": {
                "title": "max fee per gas",
                "$ref": "#/$defs/uint"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "Transaction2930Signed": {
            "title": "Signed 2930 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction2930Unsigned"
              },
              {
                "title": "EIP-2930 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction2930Unsigned": {
            "type": "object",
            "title": "EIP-2930 transaction.",
            "required": [
              "type",
              "nonce",
              "gas",
              "value",
              "input",
              "gasPrice",
              "chainId",
              "accessList"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x1$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "Transaction4844Signed": {
            "title": "Signed 4844 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction4844Unsigned"
              },
              {
                "title": "EIP-4844 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction4844Unsigned": {
            "type": "object",
            "title": "EIP-4844 transaction.",
            "required": [
              "type",
              "nonce",
              "to",
              "gas",
              "value",
              "input",
              "maxPriorityFeePerGas",
              "maxFeePerGas",
              "maxFeePerBlobGas",
              "accessList",
              "blobVersionedHashes",
              "chainId"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x3$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "$ref": "#/$defs/address"
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "maxPriorityFeePerGas": {
                "title": "max priority fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerGas": {
                "title": "max fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerBlobGas": {
                "title": "max fee per blob gas",
                "$ref": "#/$defs/uint"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "blobVersionedHashes": {
                "title": "blobVersionedHashes",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "Transaction7702Signed": {
            "title": "Signed 7702 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction7702Unsigned"
              },
              {
                "title": "EIP-7702 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction7702Unsigned": {
            "type": "object",
            "title": "EIP-7702 transaction",
            "required": [
              "type",
              "nonce",
              "to",
              "gas",
              "value",
              "input",
              "maxPriorityFeePerGas",
              "maxFeePerGas",
              "accessList",
              "chainId",
              "authorizationList"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x4$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "$ref": "#/$defs/address"
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "maxPriorityFeePerGas": {
                "title": "max priority fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerGas": {
                "title": "max fee per gas",
                "$ref": "#/$defs/uint"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              },
              "authorizationList": {
                "title": "authorizationList",
                "$ref": "#/$defs/AuthorizationList"
              }
            }
          },
          "TransactionInfo": {
            "type": "object",
            "title": "Transaction information",
            "allOf": [
              {
                "title": "Contextual information",
                "required": [
                  "blockHash",
                  "blockNumber",
                  "from",
                  "hash",
                  "transactionIndex"
                ],
                "unevaluatedProperties": false,
                "properties": {
                  "blockHash": {
                    "title": "block hash",
                    "$ref": "#/$defs/hash32"
                  },
                  "blockNumber": {
                    "title": "block number",
                    "$ref": "#/$defs/uint"
                  },
                  "from": {
                    "title": "from address",
                    "$ref": "#/$defs/address"
                  },
                  "hash": {
                    "title": "transaction hash",
                    "$ref": "#/$defs/hash32"
                  },
                  "transactionIndex": {
                    "title": "transaction index",
                    "$ref": "#/$defs/uint"
                  }
                }
              },
              {
                "$ref": "#/$defs/TransactionSigned"
              }
            ]
          },
          "TransactionLegacySigned": {
            "title": "Signed Legacy Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/TransactionLegacyUnsigned"
              },
              {
                "title": "Legacy transaction signature properties.",
                "required": [
                  "v",
                  "r",
                  "s"
                ],
                "properties": {
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/uint"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "TransactionLegacyUnsigned": {
            "type": "object",
            "title": "Legacy transaction.",
            "required": [
              "type",
              "nonce",
              "gas",
              "value",
              "input",
              "gasPrice"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x0$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "TransactionSigned": {
            "oneOf": [
              {
                "$ref": "#/$defs/Transaction7702Signed"
              },
              {
                "$ref": "#/$defs/Transaction4844Signed"
              },
              {
                "$ref": "#/$defs/Transaction1559Signed"
              },
              {
                "$ref": "#/$defs/Transaction2930Signed"
              },
              {
                "$ref": "#/$defs/TransactionLegacySigned"
              }
            ]
          },
          "Withdrawal": {
            "type": "object",
            "title": "Validator withdrawal",
            "required": [
              "index",
              "validatorIndex",
              "address",
              "amount"
            ],
            "additionalProperties": false,
            "properties": {
              "index": {
                "title": "index of withdrawal",
                "$ref": "#/$defs/uint64"
              },
              "validatorIndex": {
                "title": "index of validator that generated withdrawal",
                "$ref": "#/$defs/uint64"
              },
              "address": {
                "title": "recipient address for withdrawal value",
                "$ref": "#/$defs/address"
              },
              "amount": {
                "title": "value contained in withdrawal",
                "$ref": "#/$defs/uint256"
              }
            }
          },
          "address": {
            "title": "hex encoded address",
            "type": "string",
            "pattern": "^0x[0-9a-fA-F]{40}$"
          },
          "byte": {
            "title": "hex encoded byte",
            "type": "string",
            "pattern": "^0x([0-9a-fA-F]?){1,2}$"
          },
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          },
          "bytes256": {
            "title": "256 hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]{512}$"
          },
          "bytes8": {
            "title": "8 hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]{16}$"
          },
          "hash32": {
            "title": "32 byte hex value",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          },
          "notFound": {
            "title": "Not Found (null)",
            "type": "null"
          },
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          },
          "uint256": {
            "title": "hex encoded 256 bit unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]{0,63})$"
          },
          "uint64": {
            "title": "hex encoded 64 bit unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]{0,15})$"
          }
        }
      }
    }
  },
  "eth_getBlockReceipts": {
    "params": [
      {
        "name": "Block",
        "required": true,
        "schema": {
          "$ref": "#/$defs/BlockNumberOrTagOrHash",
          "$defs": {
            "BlockNumberOrTagOrHash": {
              "title": "Block number, tag, or block hash",
              "anyOf": [
                {
                  "title": "Block number",
                  "$ref": "#/$defs/uint"
                },
                {
                  "title": "Block tag",
                  "$ref": "#/$defs/BlockTag"
                },
                {
                  "title": "Block hash",
                  "$ref": "#/$defs/hash32"
                }
              ]
            },
            "BlockTag": {
              "title": "Block tag",
              "type": "string",
              "enum": [
                "earliest",
                "finalized",
                "safe",
                "latest",
                "pending"
              ]
            },
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Receipts information",
      "schema": {
        "oneOf": [
          {
            "$ref": "#/$defs/notFound"
          },
          {
            "title": "Receipts information",
            "type": "array",
            "items": {
              "$ref": "#/$defs/ReceiptInfo"
            }
          }
        ],
        "$defs": {
          "Log": {
            "title": "log",
            "type": "object",
            "required": [
              "transactionHash"
            ],
            "additionalProperties": false,
            "properties": {
              "removed": {
                "title": "removed",
                "type": "boolean"
              },
              "logIndex": {
                "title": "log index",
                "$ref": "#/$defs/uint"
              },
              "transactionIndex": {
                "title": "transaction index",
                "$ref": "#/$defs/uint"
              },
              "transactionHash": {
                "title": "transaction hash",
                "$ref": "#/$defs/hash32"
              },
              "blockHash": {
                "title": "block hash",
                "$ref": "#/$defs/hash32"
              },
              "blockNumber": {
                "title": "block number",
                "$ref": "#/$defs/uint"
              },
              "address": {
                "title": "address",
                "$ref": "#/$defs/address"
              },
              "data": {
                "title": "data",
                "$ref": "#/$defs/bytes"
              },
              "topics": {
                "title": "topics",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/bytes32"
                }
              }
            }
          },
          "ReceiptInfo": {
            "type": "object",
            "title": "Receipt information",
            "required": [
              "blockHash",
              "blockNumber",
              "from",
              "cumulativeGasUsed",
              "gasUsed",
              "logs",
              "logsBloom",
              "transactionHash",
              "transactionIndex",
              "effectiveGasPrice"
            ],
            "additionalProperties": false,
            "properties": {
              "type": {
                "title": "type",
                "$ref": "#/$defs/byte"
              },
              "transactionHash": {
                "title": "transaction hash",
                "$ref": "#/$defs/hash32"
              },
              "transactionIndex": {
                "title": "transaction index",
                "$ref": "#/$defs/uint"
              },
              "blockHash": {
                "title": "block hash",
                "$ref": "#/$defs/hash32"
              },
              "blockNumber": {
                "title": "block number",
                "$ref": "#/$defs/uint"
              },
              "from": {
                "title": "from",
                "$ref": "#/$defs/address"
              },
              "to": {
                "title": "to",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Recipient Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "cumulativeGasUsed": {
                "title": "cumulative gas used",
                "$ref": "#/$defs/uint"
              },
              "gasUsed": {
                "title": "gas used",
                "$ref": "#/$defs/uint"
              },
              "blobGasUsed": {
                "title": "blob gas used",
                "$ref": "#/$defs/uint"
              },
              "contractAddress": {
                "title": "contract address",
                "oneOf": [
                  {
                    "$ref": "#/$defs/address"
                  },
                  {
                    "title": "Null",
                    "type": "null"
                  }
                ]
              },
              "logs": {
                "title": "logs",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/Log"
                }
              },
              "logsBloom": {
                "title": "logs bloom",
                "$ref": "#/$defs/bytes256"
              },
              "root": {
                "title": "state root",
                "$ref": "#/$defs/hash32"
              },
              "status": {
                "title": "status",
                "$ref": "#/$defs/uint"
              },
              "effectiveGasPrice": {
                "title": "effective gas price",
                "$ref": "#/$defs/uint"
              },
              "blobGasPrice": {
                "title": "blob gas price",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "address": {
            "title": "hex encoded address",
            "type": "string",
            "pattern": "^0x[0-9a-fA-F]{40}$"
          },
          "byte": {
            "title": "hex encoded byte",
            "type": "string",
            "pattern": "^0x([0-9a-fA-F]?){1,2}$"
          },
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          },
          "bytes256": {
            "title": "256 hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]{512}$"
          },
          "bytes32": {
            "title": "32 hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          },
          "hash32": {
            "title": "32 byte hex value",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          },
          "notFound": {
            "title": "Not Found (null)",
            "type": "null"
          },
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_getBlockTransactionCountByHash": {
    "params": [
      {
        "name": "Block hash",
        "required": false,
        "schema": {
          "$ref": "#/$defs/hash32",
          "$defs": {
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Transaction count",
      "schema": {
        "oneOf": [
          {
            "$ref": "#/$defs/notFound"
          },
          {
            "title": "Transaction count",
            "$ref": "#/$defs/uint"
          }
        ],
        "$defs": {
          "notFound": {
            "title": "Not Found (null)",
            "type": "null"
          },
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_getBlockTransactionCountByNumber": {
    "params": [
      {
        "name": "Block",
        "required": false,
        "schema": {
          "$ref": "#/$defs/BlockNumberOrTag",
          "$defs": {
            "BlockNumberOrTag": {
              "title": "Block number or tag",
              "oneOf": [
                {
                  "title": "Block number",
                  "$ref": "#/$defs/uint"
                },
                {
                  "title": "Block tag",
                  "$ref": "#/$defs/BlockTag"
                }
              ]
            },
            "BlockTag": {
              "title": "Block tag",
              "type": "string",
              "enum": [
                "earliest",
                "finalized",
                "safe",
                "latest",
                "pending"
              ]
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Transaction count",
      "schema": {
        "oneOf": [
          {
            "$ref": "#/$defs/notFound"
          },
          {
            "title": "Transaction count",
            "$ref": "#/$defs/uint"
          }
        ],
        "$defs": {
          "notFound": {
            "title": "Not Found (null)",
            "type": "null"
          },
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_getCode": {
    "params": [
      {
        "name": "Address",
        "required": true,
        "schema": {
          "$ref": "#/$defs/address",
          "$defs": {
            "address": {
              "title": "hex encoded address",
              "type": "string",
              "pattern": "^0x[0-9a-fA-F]{40}$"
            }
          }
        }
      },
      {
        "name": "Block",
        "required": true,
        "schema": {
          "$ref": "#/$defs/BlockNumberOrTagOrHash",
          "$defs": {
            "BlockNumberOrTagOrHash": {
              "title": "Block number, tag, or block hash",
              "anyOf": [
                {
                  "title": "Block number",
                  "$ref": "#/$defs/uint"
                },
                {
                  "title": "Block tag",
                  "$ref": "#/$defs/BlockTag"
                },
                {
                  "title": "Block hash",
                  "$ref": "#/$defs/hash32"
                }
              ]
            },
            "BlockTag": {
              "title": "Block tag",
              "type": "string",
              "enum": [
                "earliest",
                "finalized",
                "safe",
                "latest",
                "pending"
              ]
            },
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Bytecode",
      "schema": {
        "$ref": "#/$defs/bytes",
        "$defs": {
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          }
        }
      }
    }
  },
  "eth_getFilterChanges": {
    "params": [
      {
        "name": "Filter identifier",
        "required": false,
        "schema": {
          "$ref": "#/$defs/uint",
          "$defs": {
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Log objects",
      "schema": {
        "$ref": "#/$defs/FilterResults",
        "$defs": {
          "FilterResults": {
            "title": "Filter results",
            "oneOf": [
              {
                "title": "new block or transaction hashes",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              },
              {
                "title": "new logs",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/Log"
                }
              }
            ]
          },
          "Log": {
            "title": "log",
            "type": "object",
            "required": [
              "transactionHash"
            ],
            "additionalProperties": false,
            "properties": {
              "removed": {
                "title": "removed",
                "type": "boolean"
              },
              "logIndex": {
                "title": "log index",
                "$ref": "#/$defs/uint"
              },
              "transactionIndex": {
                "title": "transaction index",
                "$ref": "#/$defs/uint"
              },
              "transactionHash": {
                "title": "transaction hash",
                "$ref": "#/$defs/hash32"
              },
              "blockHash": {
                "title": "block hash",
                "$ref": "#/$defs/hash32"
              },
              "blockNumber": {
                "title": "block number",
                "$ref": "#/$defs/uint"
              },
              "address": {
                "title": "address",
                "$ref": "#/$defs/address"
              },
              "data": {
                "title": "data",
                "$ref": "#/$defs/bytes"
              },
              "topics": {
                "title": "topics",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/bytes32"
                }
              }
            }
          },
          "address": {
            "title": "hex encoded address",
            "type": "string",
            "pattern": "^0x[0-9a-fA-F]{40}$"
          },
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          },
          "bytes32": {
            "title": "32 hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          },
          "hash32": {
            "title": "32 byte hex value",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          },
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_getFilterLogs": {
    "params": [
      {
        "name": "Filter identifier",
        "required": false,
        "schema": {
          "$ref": "#/$defs/uint",
          "$defs": {
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Log objects",
      "schema": {
        "$ref": "#/$defs/FilterResults",
        "$defs": {
          "FilterResults": {
            "title": "Filter results",
            "oneOf": [
              {
                "title": "new block or transaction hashes",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              },
              {
                "title": "new logs",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/Log"
                }
              }
            ]
          },
          "Log": {
            "title": "log",
            "type": "object",
            "required": [
              "transactionHash"
            ],
            "additionalProperties": false,
            "properties": {
              "removed": {
                "title": "removed",
                "type": "boolean"
              },
              "logIndex": {
                "title": "log index",
                "$ref": "#/$defs/uint"
              },
              "transactionIndex": {
                "title": "transaction index",
                "$ref": "#/$defs/uint"
              },
              "transactionHash": {
                "title": "transaction hash",
                "$ref": "#/$defs/hash32"
              },
              "blockHash": {
                "title": "block hash",
                "$ref": "#/$defs/hash32"
              },
              "blockNumber": {
                "title": "block number",
                "$ref": "#/$defs/uint"
              },
              "address": {
                "title": "address",
                "$ref": "#/$defs/address"
              },
              "data": {
                "title": "data",
                "$ref": "#/$defs/bytes"
              },
              "topics": {
                "title": "topics",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/bytes32"
                }
              }
            }
          },
          "address": {
            "title": "hex encoded address",
            "type": "string",
            "pattern": "^0x[0-9a-fA-F]{40}$"
          },
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          },
          "bytes32": {
            "title": "32 hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          },
          "hash32": {
            "title": "32 byte hex value",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          },
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_getLogs": {
    "params": [
      {
        "name": "Filter",
        "required": false,
        "schema": {
          "$ref": "#/$defs/Filter",
          "$defs": {
            "Filter": {
              "title": "filter",
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "fromBlock": {
                  "title": "from block",
                  "$ref": "#/$defs/uint"
                },
                "toBlock": {
                  "title": "to block",
                  "$ref": "#/$defs/uint"
                },
                "address": {
                  "title": "Address(es)",
                  "oneOf": [
                    {
                      "title": "Any Address",
                      "type": "null"
                    },
                    {
                      "title": "Address",
                      "$ref": "#/$defs/address"
                    },
                    {
                      "title": "Addresses",
                      "$ref": "#/$defs/addresses"
                    }
                  ]
                },
                "topics": {
                  "title": "Topics",
                  "$ref": "#/$defs/FilterTopics"
                }
              }
            },
            "FilterTopic": {
              "title": "Filter Topic List Entry",
              "oneOf": [
                {
                  "title": "Single Topic Match",
                  "$ref": "#/$defs/bytes32"
                },
                {
                  "title": "Multiple Topic Match",
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/bytes32"
                  }
                }
              ]
            },
            "FilterTopics": {
              "title": "Filter Topics",
              "oneOf": [
                {
                  "title": "Any Topic Match",
                  "type": "null"
                },
                {
                  "title": "Specified Filter Topics",
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/FilterTopic"
                  }
                }
              ]
            },
            "address": {
              "title": "hex encoded address",
              "type": "string",
              "pattern": "^0x[0-9a-fA-F]{40}$"
            },
            "addresses": {
              "title": "hex encoded address",
              "type": "array",
              "items": {
                "$ref": "#/$defs/address"
              }
            },
            "bytes32": {
              "title": "32 hex encoded bytes",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Log objects",
      "schema": {
        "$ref": "#/$defs/FilterResults",
        "$defs": {
          "FilterResults": {
            "title": "Filter results",
            "oneOf": [
              {
                "title": "new block or transaction hashes",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              },
              {
                "title": "new logs",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/Log"
                }
              }
            ]
          },
          "Log": {
            "title": "log",
            "type": "object",
            "required": [
              "transactionHash"
            ],
            "additionalProperties": false,
            "properties": {
              "removed": {
                "title": "removed",
                "type": "boolean"
              },
              "logIndex": {
                "title": "log index",
                "$ref": "#/$defs/uint"
              },
              "transactionIndex": {
                "title": "transaction index",
                "$ref": "#/$defs/uint"
              },
              "transactionHash": {
                "title": "transaction hash",
                "$ref": "#/$defs/hash32"
              },
              "blockHash": {
                "title": "block hash",
                "$ref": "#/$defs/hash32"
              },
              "blockNumber": {
                "title": "block number",
                "$ref": "#/$defs/uint"
              },
              "address": {
                "title": "address",
                "$ref": "#/$defs/address"
              },
              "data": {
                "title": "data",
                "$ref": "#/$defs/bytes"
              },
              "topics": {
                "title": "topics",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/bytes32"
                }
              }
            }
          },
          "address": {
            "title": "hex encoded address",
            "type": "string",
            "pattern": "^0x[0-9a-fA-F]{40}$"
          },
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          },
          "bytes32": {
            "title": "32 hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          },
          "hash32": {
            "title": "32 byte hex value",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          },
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_getProof": {
    "params": [
      {
        "name": "Address",
        "required": true,
        "schema": {
          "$ref": "#/$defs/address",
          "$defs": {
            "address": {
              "title": "hex encoded address",
              "type": "string",
              "pattern": "^0x[0-9a-fA-F]{40}$"
            }
          }
        }
      },
      {
        "name": "StorageKeys",
        "required": true,
        "schema": {
          "title": "Storage keys",
          "type": "array",
          "items": {
            "$ref": "#/$defs/bytesMax32"
          },
          "$defs": {
            "bytesMax32": {
              "title": "32 hex encoded bytes",
              "type": "string",
              "pattern": "^0x[0-9a-f]{0,64}$"
            }
          }
        }
      },
      {
        "name": "Block",
        "required": true,
        "schema": {
          "$ref": "#/$defs/BlockNumberOrTagOrHash",
          "$defs": {
            "BlockNumberOrTagOrHash": {
              "title": "Block number, tag, or block hash",
              "anyOf": [
                {
                  "title": "Block number",
                  "$ref": "#/$defs/uint"
                },
                {
                  "title": "Block tag",
                  "$ref": "#/$defs/BlockTag"
                },
                {
                  "title": "Block hash",
                  "$ref": "#/$defs/hash32"
                }
              ]
            },
            "BlockTag": {
              "title": "Block tag",
              "type": "string",
              "enum": [
                "earliest",
                "finalized",
                "safe",
                "latest",
                "pending"
              ]
            },
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Account",
      "schema": {
        "$ref": "#/$defs/AccountProof",
        "$defs": {
          "AccountProof": {
            "title": "Account proof",
            "type": "object",
            "required": [
              "address",
              "accountProof",
              "balance",
              "codeHash",
              "nonce",
              "storageHash",
              "storageProof"
            ],
            "additionalProperties": false,
            "properties": {
              "address": {
                "title": "address",
                "$ref": "#/$defs/address"
              },
              "accountProof": {
                "title": "accountProof",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/bytes"
                }
              },
              "balance": {
                "title": "balance",
                "$ref": "#/$defs/uint256"
              },
              "codeHash": {
                "title": "codeHash",
                "$ref": "#/$defs/hash32"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint64"
              },
              "storageHash": {
                "title": "storageHash",
                "$ref": "#/$defs/hash32"
              },
              "storageProof": {
                "title": "Storage proofs",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/StorageProof"
                }
              }
            }
          },
          "StorageProof": {
            "title": "Storage proof",
            "type": "object",
            "required": [
              "key",
              "value",
              "proof"
            ],
            "additionalProperties": false,
            "properties": {
              "key": {
                "title": "key",
                "$ref": "#/$defs/bytesMax32"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint256"
              },
              "proof": {
                "title": "proof",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/bytes"
                }
              }
            }
          },
          "address": {
            "title": "hex encoded address",
            "type": "string",
            "pattern": "^0x[0-9a-fA-F]{40}$"
          },
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          },
          "bytesMax32": {
            "title": "32 hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]{0,64}$"
          },
          "hash32": {
            "title": "32 byte hex value",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          },
          "uint256": {
            "title": "hex encoded 256 bit unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]{0,63})$"
          },
          "uint64": {
            "title": "hex encoded 64 bit unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]{0,15})$"
          }
        }
      }
    }
  },
  "eth_getStorageAt": {
    "params": [
      {
        "name": "Address",
        "required": true,
        "schema": {
          "$ref": "#/$defs/address",
          "$defs": {
            "address": {
              "title": "hex encoded address",
              "type": "string",
              "pattern": "^0x[0-9a-fA-F]{40}$"
            }
          }
        }
      },
      {
        "name": "Storage slot",
        "required": true,
        "schema": {
          "$ref": "#/$defs/bytesMax32",
          "$defs": {
            "bytesMax32": {
              "title": "32 hex encoded bytes",
              "type": "string",
              "pattern": "^0x[0-9a-f]{0,64}$"
            }
          }
        }
      },
      {
        "name": "Block",
        "required": true,
        "schema": {
          "$ref": "#/$defs/BlockNumberOrTagOrHash",
          "$defs": {
            "BlockNumberOrTagOrHash": {
              "title": "Block number, tag, or block hash",
              "anyOf": [
                {
                  "title": "Block number",
                  "$ref": "#/$defs/uint"
                },
                {
                  "title": "Block tag",
                  "$ref": "#/$defs/BlockTag"
                },
                {
                  "title": "Block hash",
                  "$ref": "#/$defs/hash32"
                }
              ]
            },
            "BlockTag": {
              "title": "Block tag",
              "type": "string",
              "enum": [
                "earliest",
                "finalized",
                "safe",
                "latest",
                "pending"
              ]
            },
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Value",
      "schema": {
        "$ref": "#/$defs/bytes",
        "$defs": {
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          }
        }
      }
    }
  },
  "eth_getTransactionByBlockHashAndIndex": {
    "params": [
      {
        "name": "Block hash",
        "required": true,
        "schema": {
          "$ref": "#/$defs/hash32",
          "$defs": {
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            }
          }
        }
      },
      {
        "name": "Transaction index",
        "required": true,
        "schema": {
          "$ref": "#/$defs/uint",
          "$defs": {
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Transaction information",
      "schema": {
        "oneOf": [
          {
            "$ref": "#/$defs/notFound"
          },
          {
            "$ref": "#/$defs/TransactionInfo"
          }
        ],
        "$defs": {
          "AccessList": {
            "title": "Access list",
            "type": "array",
            "items": {
              "$ref": "#/$defs/AccessListEntry"
            }
          },
          "AccessListEntry": {
            "title": "Access list entry",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "address",
              "storageKeys"
            ],
            "properties": {
              "address": {
                "$ref": "#/$defs/address"
              },
              "storageKeys": {
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              }
            }
          },
          "AuthorizationList": {
            "title": "Authorization List",
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "chainId": {
                  "title": "chainId",
                  "$ref": "#/$defs/uint"
                },
                "nonce": {
                  "title": "nonce",
                  "$ref": "#/$defs/uint"
                },
                "address": {
                  "$ref": "#/$defs/address"
                },
                "yParity": {
                  "title": "yParity",
                  "$ref": "#/$defs/byte"
                },
                "r": {
                  "title": "r",
                  "$ref": "#/$defs/uint256"
                },
                "s": {
                  "title": "s",
                  "$ref": "#/$defs/uint256"
                }
              },
              "required": [
                "chainId",
                "nonce",
                "address",
                "yParity",
                "r",
                "s"
              ]
            }
          },
          "Transaction1559Signed": {
            "title": "Signed 1559 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction1559Unsigned"
              },
              {
                "title": "EIP-1559 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction1559Unsigned": {
            "type": "object",
            "title": "EIP-1559 transaction.",
            "required": [
              "type",
              "nonce",
              "gas",
              "value",
              "input",
              "maxFeePerGas",
              "maxPriorityFeePerGas",
              "gasPrice",
              "chainId",
              "accessList"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x2$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "maxPriorityFeePerGas": {
                "title": "max priority fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerGas": {
                "title": "max fee per gas",
                "$ref": "#/$defs/uint"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "Transaction2930Signed": {
            "title": "Signed 2930 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction2930Unsigned"
              },
              {
                "title": "EIP-2930 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction2930Unsigned": {
            "type": "object",
            "title": "EIP-2930 transaction.",
            "required": [
              "type",
              "nonce",
              "gas",
              "value",
              "input",
              "gasPrice",
              "chainId",
              "accessList"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x1$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "Transaction4844Signed": {
            "title": "Signed 4844 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction4844Unsigned"
              },
              {
                "title": "EIP-4844 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction4844Unsigned": {
            "type": "object",
            "title": "EIP-4844 transaction.",
            "required": [
              "type",
              "nonce",
              "to",
              "gas",
              "value",
              "input",
              "maxPriorityFeePerGas",
              "maxFeePerGas",
              "maxFeePerBlobGas",
              "accessList",
              "blobVersionedHashes",
              "chainId"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x3$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "$ref": "#/$defs/address"
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "maxPriorityFeePerGas": {
                "title": "max priority fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerGas": {
                "title": "max fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerBlobGas": {
                "title": "max fee per blob gas",
                "$ref": "#/$defs/uint"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "blobVersionedHashes": {
                "title": "blobVersionedHashes",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "Transaction7702Signed": {
            "title": "Signed 7702 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction7702Unsigned"
              },
              {
                "title": "EIP-7702 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction7702Unsigned": {
            "type": "object",
            "title": "EIP-7702 transaction",
            "required": [
              "type",
              "nonce",
              "to",
              "gas",
              "value",
              "input",
              "maxPriorityFeePerGas",
              "maxFeePerGas",
              "accessList",
              "chainId",
              "authorizationList"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x4$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "$ref": "#/$defs/address"
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "maxPriorityFeePerGas": {
                "title": "max priority fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerGas": {
                "title": "max fee per gas",
                "$ref": "#/$defs/uint"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              },
              "authorizationList": {
                "title": "authorizationList",
                "$ref": "#/$defs/AuthorizationList"
              }
            }
          },
          "TransactionInfo": {
            "type": "object",
            "title": "Transaction information",
            "allOf": [
              {
                "title": "Contextual information",
                "required": [
                  "blockHash",
                  "blockNumber",
                  "from",
                  "hash",
                  "transactionIndex"
                ],
                "unevaluatedProperties": false,
                "properties": {
                  "blockHash": {
                    "title": "block hash",
                    "$ref": "#/$defs/hash32"
                  },
                  "blockNumber": {
                    "title": "block number",
                    "$ref": "#/$defs/uint"
                  },
                  "from": {
                    "title": "from address",
                    "$ref": "#/$defs/address"
                  },
                  "hash": {
                    "title": "transaction hash",
                    "$ref": "#/$defs/hash32"
                  },
                  "transactionIndex": {
                    "title": "transaction index",
                    "$ref": "#/$defs/uint"
                  }
                }
              },
              {
                "$ref": "#/$defs/TransactionSigned"
              }
            ]
          },
          "TransactionLegacySigned": {
            "title": "Signed Legacy Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/TransactionLegacyUnsigned"
              },
              {
                "title": "Legacy transaction signature properties.",
                "required": [
                  "v",
                  "r",
                  "s"
                ],
                "properties": {
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/uint"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "TransactionLegacyUnsigned": {
            "type": "object",
            "title": "Legacy transaction.",
            "required": [
              "type",
              "nonce",
              "gas",
              "value",
              "input",
              "gasPrice"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x0$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "TransactionSigned": {
            "oneOf": [
              {
                "$ref": "#/$defs/Transaction7702Signed"
              },
              {
                "$ref": "#/$defs/Transaction4844Signed"
              },
              {
                "$ref": "#/$defs/Transaction1559Signed"
              },
              {
                "$ref": "#/$defs/Transaction2930Signed"
              },
              {
                "$ref": "#/$defs/TransactionLegacySigned"
              }
            ]
          },
          "address": {
            "title": "hex encoded address",
            "type": "string",
            "pattern": "^0x[0-9a-fA-F]{40}$"
          },
          "byte": {
            "title": "hex encoded byte",
            "type": "string",
            "pattern": "^0x([0-9a-fA-F]?){1,2}$"
          },
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          },
          "hash32": {
            "title": "32 byte hex value",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          },
          "notFound": {
            "title": "Not Found (null)",
            "type": "null"
          },
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          },
          "uint256": {
            "title": "hex encoded 256 bit unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]{0,63})$"
          }
        }
      }
    }
  },
  "eth_getTransactionByBlockNumberAndIndex": {
    "params": [
      {
        "name": "Block",
        "required": true,
        "schema": {
          "$ref": "#/$defs/BlockNumberOrTag",
          "$defs": {
            "BlockNumberOrTag": {
              "title": "Block number or tag",
              "oneOf": [
                {
                  "title": "Block number",
                  "$ref": "#/$defs/uint"
                },
                {
                  "title": "Block tag",
                  "$ref": "#/$defs/BlockTag"
                }
              ]
            },
            "BlockTag": {
              "title": "Block tag",
              "type": "string",
              "enum": [
                "earliest",
                "finalized",
                "safe",
                "latest",
                "pending"
              ]
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      },
      {
        "name": "Transaction index",
        "required": true,
        "schema": {
          "$ref": "#/$defs/uint",
          "$defs": {
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Transaction information",
      "schema": {
        "oneOf": [
          {
            "$ref": "#/$defs/notFound"
          },
          {
            "$ref": "#/$defs/TransactionInfo"
          }
        ],
        "$defs": {
          "AccessList": {
            "title": "Access list",
            "type": "array",
            "items": {
              "$ref": "#/$defs/AccessListEntry"
            }
          },
          "AccessListEntry": {
            "title": "Access list entry",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "address",
              "storageKeys"
            ],
            "properties": {
              "address": {
                "$ref": "#/$defs/address"
              },
              "storageKeys": {
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              }
            }
          },
          "AuthorizationList": {
            "title": "Authorization List",
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "chainId": {
                  "title": "chainId",
                  "$ref": "#/$defs/uint"
                },
                "nonce": {
                  "title": "nonce",
                  "$ref": "#/$defs/uint"
                },
                "address": {
                  "$ref": "#/$defs/address"
                },
                "yParity": {
                  "title": "yParity",
                  "$ref": "#/$defs/byte"
                },
                "r": {
                  "title": "r",
                  "$ref": "#/$defs/uint256"
                },
                "s": {
                  "title": "s",
                  "$ref": "#/$defs/uint256"
                }
              },
              "required": [
                "chainId",
                "nonce",
                "address",
                "yParity",
                "r",
                "s"
              ]
            }
          },
          "Transaction1559Signed": {
            "title": "Signed 1559 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction1559Unsigned"
              },
              {
                "title": "EIP-1559 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction1559Unsigned": {
            "type": "object",
            "title": "EIP-1559 transaction.",
            "required": [
              "type",
              "nonce",
              "gas",
              "value",
              "input",
              "maxFeePerGas",
              "maxPriorityFeePerGas",
              "gasPrice",
              "chainId",
              "accessList"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x2$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "maxPriorityFeePerGas": {
                "title": "max priority fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerGas": {
                "title": "max fee per gas",
                "$ref": "#/$defs/uint"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "Transaction2930Signed": {
            "title": "Signed 2930 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction2930Unsigned"
              },
              {
                "title": "EIP-2930 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction2930Unsigned": {
            "type": "object",
            "title": "EIP-2930 transaction.",
            "required": [
              "type",
              "nonce",
              "gas",
              "value",
              "input",
              "gasPrice",
              "chainId",
              "accessList"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x1$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "Transaction4844Signed": {
            "title": "Signed 4844 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction4844Unsigned"
              },
              {
                "title": "EIP-4844 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction4844Unsigned": {
            "type": "object",
            "title": "EIP-4844 transaction.",
            "required": [
              "type",
              "nonce",
              "to",
              "gas",
              "value",
              "input",
              "maxPriorityFeePerGas",
              "maxFeePerGas",
              "maxFeePerBlobGas",
              "accessList",
              "blobVersionedHashes",
              "chainId"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x3$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "$ref": "#/$defs/address"
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "maxPriorityFeePerGas": {
                "title": "max priority fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerGas": {
                "title": "max fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerBlobGas": {
                "title": "max fee per blob gas",
                "$ref": "#/$defs/uint"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "blobVersionedHashes": {
                "title": "blobVersionedHashes",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "Transaction7702Signed": {
            "title": "Signed 7702 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction7702Unsigned"
              },
              {
                "title": "EIP-7702 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction7702Unsigned": {
            "type": "object",
            "title": "EIP-7702 transaction",
            "required": [
              "type",
              "nonce",
              "to",
              "gas",
              "value",
              "input",
              "maxPriorityFeePerGas",
              "maxFeePerGas",
              "accessList",
              "chainId",
              "authorizationList"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x4$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "$ref": "#/$defs/address"
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "maxPriorityFeePerGas": {
                "title": "max priority fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerGas": {
                "title": "max fee per gas",
                "$ref": "#/$defs/uint"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              },
              "authorizationList": {
                "title": "authorizationList",
                "$ref": "#/$defs/AuthorizationList"
              }
            }
          },
          "TransactionInfo": {
            "type": "object",
            "title": "Transaction information",
            "allOf": [
              {
                "title": "Contextual information",
                "required": [
                  "blockHash",
                  "blockNumber",
                  "from",
                  "hash",
                  "transactionIndex"
                ],
                "unevaluatedProperties": false,
                "properties": {
                  "blockHash": {
                    "title": "block hash",
                    "$ref": "#/$defs/hash32"
                  },
                  "blockNumber": {
                    "title": "block number",
                    "$ref": "#/$defs/uint"
                  },
                  "from": {
                    "title": "from address",
                    "$ref": "#/$defs/address"
                  },
                  "hash": {
                    "title": "transaction hash",
                    "$ref": "#/$defs/hash32"
                  },
                  "transactionIndex": {
                    "title": "transaction index",
                    "$ref": "#/$defs/uint"
                  }
                }
              },
              {
                "$ref": "#/$defs/TransactionSigned"
              }
            ]
          },
          "TransactionLegacySigned": {
            "title": "Signed Legacy Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/TransactionLegacyUnsigned"
              },
              {
                "title": "Legacy transaction signature properties.",
                "required": [
                  "v",
                  "r",
                  "s"
                ],
                "properties": {
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/uint"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "TransactionLegacyUnsigned": {
            "type": "object",
            "title": "Legacy transaction.",
            "required": [
              "type",
              "nonce",
              "gas",
              "value",
              "input",
              "gasPrice"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x0$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "TransactionSigned": {
            "oneOf": [
              {
                "$ref": "#/$defs/Transaction7702Signed"
              },
              {
                "$ref": "#/$defs/Transaction4844Signed"
              },
              {
                "$ref": "#/$defs/Transaction1559Signed"
              },
              {
                "$ref": "#/$defs/Transaction2930Signed"
              },
              {
                "$ref": "#/$defs/TransactionLegacySigned"
              }
            ]
          },
          "address": {
            "title": "hex encoded address",
            "type": "string",
            "pattern": "^0x[0-9a-fA-F]{40}$"
          },
          "byte": {
            "title": "hex encoded byte",
            "type": "string",
            "pattern": "^0x([0-9a-fA-F]?){1,2}$"
          },
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          },
          "hash32": {
            "title": "32 byte hex value",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          },
          "notFound": {
            "title": "Not Found (null)",
            "type": "null"
          },
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          },
          "uint256": {
            "title": "hex encoded 256 bit unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]{0,63})$"
          }
        }
      }
    }
  },
  "eth_getTransactionByHash": {
    "params": [
      {
        "name": "Transaction hash",
        "required": true,
        "schema": {
          "$ref": "#/$defs/hash32",
          "$defs": {
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Transaction information",
      "schema": {
        "oneOf": [
          {
            "$ref": "#/$defs/notFound"
          },
          {
            "$ref": "#/$defs/TransactionInfo"
          }
        ],
        "$defs": {
          "AccessList": {
            "title": "Access list",
            "type": "array",
            "items": {
              "$ref": "#/$defs/AccessListEntry"
            }
          },
          "AccessListEntry": {
            "title": "Access list entry",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "address",
              "storageKeys"
            ],
            "properties": {
              "address": {
                "$ref": "#/$defs/address"
              },
              "storageKeys": {
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              }
            }
          },
          "AuthorizationList": {
            "title": "Authorization List",
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "chainId": {
                  "title": "chainId",
                  "$ref": "#/$defs/uint"
                },
                "nonce": {
                  "title": "nonce",
                  "$ref": "#/$defs/uint"
                },
                "address": {
                  "$ref": "#/$defs/address"
                },
                "yParity": {
                  "title": "yParity",
                  "$ref": "#/$defs/byte"
                },
                "r": {
                  "title": "r",
                  "$ref": "#/$defs/uint256"
                },
                "s": {
                  "title": "s",
                  "$ref": "#/$defs/uint256"
                }
              },
              "required": [
                "chainId",
                "nonce",
                "address",
                "yParity",
                "r",
                "s"
              ]
            }
          },
          "Transaction1559Signed": {
            "title": "Signed 1559 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction1559Unsigned"
              },
              {
                "title": "EIP-1559 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction1559Unsigned": {
            "type": "object",
            "title": "EIP-1559 transaction.",
            "required": [
              "type",
              "nonce",
              "gas",
              "value",
              "input",
              "maxFeePerGas",
              "maxPriorityFeePerGas",
              "gasPrice",
              "chainId",
              "accessList"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x2$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "maxPriorityFeePerGas": {
                "title": "max priority fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerGas": {
                "title": "max fee per gas",
                "$ref": "#/$defs/uint"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "Transaction2930Signed": {
            "title": "Signed 2930 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction2930Unsigned"
              },
              {
                "title": "EIP-2930 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction2930Unsigned": {
            "type": "object",
            "title": "EIP-2930 transaction.",
            "required": [
              "type",
              "nonce",
              "gas",
              "value",
              "input",
              "gasPrice",
              "chainId",
              "accessList"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x1$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "Transaction4844Signed": {
            "title": "Signed 4844 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction4844Unsigned"
              },
              {
                "title": "EIP-4844 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction4844Unsigned": {
            "type": "object",
            "title": "EIP-4844 transaction.",
            "required": [
              "type",
              "nonce",
              "to",
              "gas",
              "value",
              "input",
              "maxPriorityFeePerGas",
              "maxFeePerGas",
              "maxFeePerBlobGas",
              "accessList",
              "blobVersionedHashes",
              "chainId"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x3$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "$ref": "#/$defs/address"
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "maxPriorityFeePerGas": {
                "title": "max priority fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerGas": {
                "title": "max fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerBlobGas": {
                "title": "max fee per blob gas",
                "$ref": "#/$defs/uint"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "blobVersionedHashes": {
                "title": "blobVersionedHashes",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/hash32"
                }
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "Transaction7702Signed": {
            "title": "Signed 7702 Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/Transaction7702Unsigned"
              },
              {
                "title": "EIP-7702 transaction signature properties.",
                "required": [
                  "yParity",
                  "r",
                  "s"
                ],
                "properties": {
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "Transaction7702Unsigned": {
            "type": "object",
            "title": "EIP-7702 transaction",
            "required": [
              "type",
              "nonce",
              "to",
              "gas",
              "value",
              "input",
              "maxPriorityFeePerGas",
              "maxFeePerGas",
              "accessList",
              "chainId",
              "authorizationList"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x4$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "$ref": "#/$defs/address"
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "maxPriorityFeePerGas": {
                "title": "max priority fee per gas",
                "$ref": "#/$defs/uint"
              },
              "maxFeePerGas": {
                "title": "max fee per gas",
                "$ref": "#/$defs/uint"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "accessList": {
                "title": "accessList",
                "$ref": "#/$defs/AccessList"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              },
              "authorizationList": {
                "title": "authorizationList",
                "$ref": "#/$defs/AuthorizationList"
              }
            }
          },
          "TransactionInfo": {
            "type": "object",
            "title": "Transaction information",
            "allOf": [
              {
                "title": "Contextual information",
                "required": [
                  "blockHash",
                  "blockNumber",
                  "from",
                  "hash",
                  "transactionIndex"
                ],
                "unevaluatedProperties": false,
                "properties": {
                  "blockHash": {
                    "title": "block hash",
                    "$ref": "#/$defs/hash32"
                  },
                  "blockNumber": {
                    "title": "block number",
                    "$ref": "#/$defs/uint"
                  },
                  "from": {
                    "title": "from address",
                    "$ref": "#/$defs/address"
                  },
                  "hash": {
                    "title": "transaction hash",
                    "$ref": "#/$defs/hash32"
                  },
                  "transactionIndex": {
                    "title": "transaction index",
                    "$ref": "#/$defs/uint"
                  }
                }
              },
              {
                "$ref": "#/$defs/TransactionSigned"
              }
            ]
          },
          "TransactionLegacySigned": {
            "title": "Signed Legacy Transaction",
            "type": "object",
            "allOf": [
              {
                "$ref": "#/$defs/TransactionLegacyUnsigned"
              },
              {
                "title": "Legacy transaction signature properties.",
                "required": [
                  "v",
                  "r",
                  "s"
                ],
                "properties": {
                  "v": {
                    "title": "v",
                    "$ref": "#/$defs/uint"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint"
                  }
                }
              }
            ]
          },
          "TransactionLegacyUnsigned": {
            "type": "object",
            "title": "Legacy transaction.",
            "required": [
              "type",
              "nonce",
              "gas",
              "value",
              "input",
              "gasPrice"
            ],
            "properties": {
              "type": {
                "title": "type",
                "type": "string",
                "pattern": "^0x0$"
              },
              "nonce": {
                "title": "nonce",
                "$ref": "#/$defs/uint"
              },
              "to": {
                "title": "to address",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "gas": {
                "title": "gas limit",
                "$ref": "#/$defs/uint"
              },
              "value": {
                "title": "value",
                "$ref": "#/$defs/uint"
              },
              "input": {
                "title": "input data",
                "$ref": "#/$defs/bytes"
              },
              "gasPrice": {
                "title": "gas price",
                "$ref": "#/$defs/uint"
              },
              "chainId": {
                "title": "chainId",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "TransactionSigned": {
            "oneOf": [
              {
                "$ref": "#/$defs/Transaction7702Signed"
              },
              {
                "$ref": "#/$defs/Transaction4844Signed"
              },
              {
                "$ref": "#/$defs/Transaction1559Signed"
              },
              {
                "$ref": "#/$defs/Transaction2930Signed"
              },
              {
                "$ref": "#/$defs/TransactionLegacySigned"
              }
            ]
          },
          "address": {
            "title": "hex encoded address",
            "type": "string",
            "pattern": "^0x[0-9a-fA-F]{40}$"
          },
          "byte": {
            "title": "hex encoded byte",
            "type": "string",
            "pattern": "^0x([0-9a-fA-F]?){1,2}$"
          },
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          },
          "hash32": {
            "title": "32 byte hex value",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          },
          "notFound": {
            "title": "Not Found (null)",
            "type": "null"
          },
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          },
          "uint256": {
            "title": "hex encoded 256 bit unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]{0,63})$"
          }
        }
      }
    }
  },
  "eth_getTransactionCount": {
    "params": [
      {
        "name": "Address",
        "required": true,
        "schema": {
          "$ref": "#/$defs/address",
          "$defs": {
            "address": {
              "title": "hex encoded address",
              "type": "string",
              "pattern": "^0x[0-9a-fA-F]{40}$"
            }
          }
        }
      },
      {
        "name": "Block",
        "required": true,
        "schema": {
          "$ref": "#/$defs/BlockNumberOrTagOrHash",
          "$defs": {
            "BlockNumberOrTagOrHash": {
              "title": "Block number, tag, or block hash",
              "anyOf": [
                {
                  "title": "Block number",
                  "$ref": "#/$defs/uint"
                },
                {
                  "title": "Block tag",
                  "$ref": "#/$defs/BlockTag"
                },
                {
                  "title": "Block hash",
                  "$ref": "#/$defs/hash32"
                }
              ]
            },
            "BlockTag": {
              "title": "Block tag",
              "type": "string",
              "enum": [
                "earliest",
                "finalized",
                "safe",
                "latest",
                "pending"
              ]
            },
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Account nonce",
      "schema": {
        "$ref": "#/$defs/uint",
        "$defs": {
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_getTransactionReceipt": {
    "params": [
      {
        "name": "Transaction hash",
        "required": true,
        "schema": {
          "$ref": "#/$defs/hash32",
          "$defs": {
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Receipt information",
      "schema": {
        "oneOf": [
          {
            "$ref": "#/$defs/notFound"
          },
          {
            "$ref": "#/$defs/ReceiptInfo"
          }
        ],
        "$defs": {
          "Log": {
            "title": "log",
            "type": "object",
            "required": [
              "transactionHash"
            ],
            "additionalProperties": false,
            "properties": {
              "removed": {
                "title": "removed",
                "type": "boolean"
              },
              "logIndex": {
                "title": "log index",
                "$ref": "#/$defs/uint"
              },
              "transactionIndex": {
                "title": "transaction index",
                "$ref": "#/$defs/uint"
              },
              "transactionHash": {
                "title": "transaction hash",
                "$ref": "#/$defs/hash32"
              },
              "blockHash": {
                "title": "block hash",
                "$ref": "#/$defs/hash32"
              },
              "blockNumber": {
                "title": "block number",
                "$ref": "#/$defs/uint"
              },
              "address": {
                "title": "address",
                "$ref": "#/$defs/address"
              },
              "data": {
                "title": "data",
                "$ref": "#/$defs/bytes"
              },
              "topics": {
                "title": "topics",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/bytes32"
                }
              }
            }
          },
          "ReceiptInfo": {
            "type": "object",
            "title": "Receipt information",
            "required": [
              "blockHash",
              "blockNumber",
              "from",
              "cumulativeGasUsed",
              "gasUsed",
              "logs",
              "logsBloom",
              "transactionHash",
              "transactionIndex",
              "effectiveGasPrice"
            ],
            "additionalProperties": false,
            "properties": {
              "type": {
                "title": "type",
                "$ref": "#/$defs/byte"
              },
              "transactionHash": {
                "title": "transaction hash",
                "$ref": "#/$defs/hash32"
              },
              "transactionIndex": {
                "title": "transaction index",
                "$ref": "#/$defs/uint"
              },
              "blockHash": {
                "title": "block hash",
                "$ref": "#/$defs/hash32"
              },
              "blockNumber": {
                "title": "block number",
                "$ref": "#/$defs/uint"
              },
              "from": {
                "title": "from",
                "$ref": "#/$defs/address"
              },
              "to": {
                "title": "to",
                "oneOf": [
                  {
                    "title": "Contract Creation (null)",
                    "type": "null"
                  },
                  {
                    "title": "Recipient Address",
                    "$ref": "#/$defs/address"
                  }
                ]
              },
              "cumulativeGasUsed": {
                "title": "cumulative gas used",
                "$ref": "#/$defs/uint"
              },
              "gasUsed": {
                "title": "gas used",
                "$ref": "#/$defs/uint"
              },
              "blobGasUsed": {
                "title": "blob gas used",
                "$ref": "#/$defs/uint"
              },
              "contractAddress": {
                "title": "contract address",
                "oneOf": [
                  {
                    "$ref": "#/$defs/address"
                  },
                  {
                    "title": "Null",
                    "type": "null"
                  }
                ]
              },
              "logs": {
                "title": "logs",
                "type": "array",
                "items": {
                  "$ref": "#/$defs/Log"
                }
              },
              "logsBloom": {
                "title": "logs bloom",
                "$ref": "#/$defs/bytes256"
              },
              "root": {
                "title": "state root",
                "$ref": "#/$defs/hash32"
              },
              "status": {
                "title": "status",
                "$ref": "#/$defs/uint"
              },
              "effectiveGasPrice": {
                "title": "effective gas price",
                "$ref": "#/$defs/uint"
              },
              "blobGasPrice": {
                "title": "blob gas price",
                "$ref": "#/$defs/uint"
              }
            }
          },
          "address": {
            "title": "hex encoded address",
            "type": "string",
            "pattern": "^0x[0-9a-fA-F]{40}$"
          },
          "byte": {
            "title": "hex encoded byte",
            "type": "string",
            "pattern": "^0x([0-9a-fA-F]?){1,2}$"
          },
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          },
          "bytes256": {
            "title": "256 hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]{512}$"
          },
          "bytes32": {
            "title": "32 hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          },
          "hash32": {
            "title": "32 byte hex value",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          },
          "notFound": {
            "title": "Not Found (null)",
            "type": "null"
          },
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_getUncleCountByBlockHash": {
    "params": [
      {
        "name": "Block hash",
        "required": false,
        "schema": {
          "$ref": "#/$defs/hash32",
          "$defs": {
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Uncle count",
      "schema": {
        "oneOf": [
          {
            "$ref": "#/$defs/notFound"
          },
          {
            "title": "Uncle count",
            "$ref": "#/$defs/uint"
          }
        ],
        "$defs": {
          "notFound": {
            "title": "Not Found (null)",
            "type": "null"
          },
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_getUncleCountByBlockNumber": {
    "params": [
      {
        "name": "Block",
        "required": false,
        "schema": {
          "$ref": "#/$defs/BlockNumberOrTag",
          "$defs": {
            "BlockNumberOrTag": {
              "title": "Block number or tag",
              "oneOf": [
                {
                  "title": "Block number",
                  "$ref": "#/$defs/uint"
                },
                {
                  "title": "Block tag",
                  "$ref": "#/$defs/BlockTag"
                }
              ]
            },
            "BlockTag": {
              "title": "Block tag",
              "type": "string",
              "enum": [
                "earliest",
                "finalized",
                "safe",
                "latest",
                "pending"
              ]
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Uncle count",
      "schema": {
        "oneOf": [
          {
            "$ref": "#/$defs/notFound"
          },
          {
            "title": "Uncle count",
            "$ref": "#/$defs/uint"
          }
        ],
        "$defs": {
          "notFound": {
            "title": "Not Found (null)",
            "type": "null"
          },
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_maxPriorityFeePerGas": {
    "params": [],
    "result": {
      "name": "Max priority fee per gas",
      "schema": {
        "title": "Max priority fee per gas",
        "$ref": "#/$defs/uint",
        "$defs": {
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_newBlockFilter": {
    "params": [],
    "result": {
      "name": "Filter identifier",
      "schema": {
        "$ref": "#/$defs/uint",
        "$defs": {
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_newFilter": {
    "params": [
      {
        "name": "Filter",
        "required": false,
        "schema": {
          "$ref": "#/$defs/Filter",
          "$defs": {
            "Filter": {
              "title": "filter",
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "fromBlock": {
                  "title": "from block",
                  "$ref": "#/$defs/uint"
                },
                "toBlock": {
                  "title": "to block",
                  "$ref": "#/$defs/uint"
                },
                "address": {
                  "title": "Address(es)",
                  "oneOf": [
                    {
                      "title": "Any Address",
                      "type": "null"
                    },
                    {
                      "title": "Address",
                      "$ref": "#/$defs/address"
                    },
                    {
                      "title": "Addresses",
                      "$ref": "#/$defs/addresses"
                    }
                  ]
                },
                "topics": {
                  "title": "Topics",
                  "$ref": "#/$defs/FilterTopics"
                }
              }
            },
            "FilterTopic": {
              "title": "Filter Topic List Entry",
              "oneOf": [
                {
                  "title": "Single Topic Match",
                  "$ref": "#/$defs/bytes32"
                },
                {
                  "title": "Multiple Topic Match",
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/bytes32"
                  }
                }
              ]
            },
            "FilterTopics": {
              "title": "Filter Topics",
              "oneOf": [
                {
                  "title": "Any Topic Match",
                  "type": "null"
                },
                {
                  "title": "Specified Filter Topics",
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/FilterTopic"
                  }
                }
              ]
            },
            "address": {
              "title": "hex encoded address",
              "type": "string",
              "pattern": "^0x[0-9a-fA-F]{40}$"
            },
            "addresses": {
              "title": "hex encoded address",
              "type": "array",
              "items": {
                "$ref": "#/$defs/address"
              }
            },
            "bytes32": {
              "title": "32 hex encoded bytes",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Filter identifier",
      "schema": {
        "$ref": "#/$defs/uint",
        "$defs": {
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_newPendingTransactionFilter": {
    "params": [],
    "result": {
      "name": "Filter identifier",
      "schema": {
        "$ref": "#/$defs/uint",
        "$defs": {
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_sendRawTransaction": {
    "params": [
      {
        "name": "Transaction",
        "required": true,
        "schema": {
          "$ref": "#/$defs/bytes",
          "$defs": {
            "bytes": {
              "title": "hex encoded bytes",
              "type": "string",
              "pattern": "^0x[0-9a-f]*$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Transaction hash",
      "schema": {
        "$ref": "#/$defs/hash32",
        "$defs": {
          "hash32": {
            "title": "32 byte hex value",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          }
        }
      }
    }
  },
  "eth_sendTransaction": {
    "params": [
      {
        "name": "Transaction",
        "required": true,
        "schema": {
          "$ref": "#/$defs/GenericTransaction",
          "$defs": {
            "AccessList": {
              "title": "Access list",
              "type": "array",
              "items": {
                "$ref": "#/$defs/AccessListEntry"
              }
            },
            "AccessListEntry": {
              "title": "Access list entry",
              "type": "object",
              "additionalProperties": false,
              "required": [
                "address",
                "storageKeys"
              ],
              "properties": {
                "address": {
                  "$ref": "#/$defs/address"
                },
                "storageKeys": {
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/hash32"
                  }
                }
              }
            },
            "AuthorizationList": {
              "title": "Authorization List",
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "chainId": {
                    "title": "chainId",
                    "$ref": "#/$defs/uint"
                  },
                  "nonce": {
                    "title": "nonce",
                    "$ref": "#/$defs/uint"
                  },
                  "address": {
                    "$ref": "#/$defs/address"
                  },
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint256"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint256"
                  }
                },
                "required": [
                  "chainId",
                  "nonce",
                  "address",
                  "yParity",
                  "r",
                  "s"
                ]
              }
            },
            "GenericTransaction": {
              "type": "object",
              "title": "Transaction object generic to all types",
              "additionalProperties": false,
              "properties": {
                "type": {
                  "title": "type",
                  "$ref": "#/$defs/byte"
                },
                "nonce": {
                  "title": "nonce",
                  "$ref": "#/$defs/uint"
                },
                "to": {
                  "title": "to address",
                  "oneOf": [
                    {
                      "title": "Contract Creation (null)",
                      "type": "null"
                    },
                    {
                      "title": "Address",
                      "$ref": "#/$defs/address"
                    }
                  ]
                },
                "from": {
                  "title": "from address",
                  "$ref": "#/$defs/address"
                },
                "gas": {
                  "title": "gas limit",
                  "$ref": "#/$defs/uint"
                },
                "value": {
                  "title": "value",
                  "$ref": "#/$defs/uint"
                },
                "input": {
                  "title": "input data",
                  "$ref": "#/$defs/bytes"
                },
                "gasPrice": {
                  "title": "gas price",
                  "$ref": "#/$defs/uint"
                },
                "maxPriorityFeePerGas": {
                  "title": "max priority fee per gas",
                  "$ref": "#/$defs/uint"
                },
                "maxFeePerGas": {
                  "title": "max fee per gas",
                  "$ref": "#/$defs/uint"
                },
                "maxFeePerBlobGas": {
                  "title": "max fee per blob gas",
                  "$ref": "#/$defs/uint"
                },
                "accessList": {
                  "title": "accessList",
                  "$ref": "#/$defs/AccessList"
                },
                "blobVersionedHashes": {
                  "title": "blobVersionedHashes",
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/hash32"
                  }
                },
                "blobs": {
                  "title": "blobs",
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/bytes"
                  }
                },
                "chainId": {
                  "title": "chainId",
                  "$ref": "#/$defs/uint"
                },
                "authorizationList": {
                  "title": "authorizationList",
                  "$ref": "#/$defs/AuthorizationList"
                }
              }
            },
            "address": {
              "title": "hex encoded address",
              "type": "string",
              "pattern": "^0x[0-9a-fA-F]{40}$"
            },
            "byte": {
              "title": "hex encoded byte",
              "type": "string",
              "pattern": "^0x([0-9a-fA-F]?){1,2}$"
            },
            "bytes": {
              "title": "hex encoded bytes",
              "type": "string",
              "pattern": "^0x[0-9a-f]*$"
            },
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            },
            "uint256": {
              "title": "hex encoded 256 bit unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]{0,63})$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Transaction hash",
      "schema": {
        "$ref": "#/$defs/hash32",
        "$defs": {
          "hash32": {
            "title": "32 byte hex value",
            "type": "string",
            "pattern": "^0x[0-9a-f]{64}$"
          }
        }
      }
    }
  },
  "eth_sign": {
    "params": [
      {
        "name": "Address",
        "required": true,
        "schema": {
          "$ref": "#/$defs/address",
          "$defs": {
            "address": {
              "title": "hex encoded address",
              "type": "string",
              "pattern": "^0x[0-9a-fA-F]{40}$"
            }
          }
        }
      },
      {
        "name": "Message",
        "required": true,
        "schema": {
          "$ref": "#/$defs/bytes",
          "$defs": {
            "bytes": {
              "title": "hex encoded bytes",
              "type": "string",
              "pattern": "^0x[0-9a-f]*$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Signature",
      "schema": {
        "$ref": "#/$defs/bytes65",
        "$defs": {
          "bytes65": {
            "title": "65 hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]{130}$"
          }
        }
      }
    }
  },
  "eth_signTransaction": {
    "params": [
      {
        "name": "Transaction",
        "required": true,
        "schema": {
          "$ref": "#/$defs/GenericTransaction",
          "$defs": {
            "AccessList": {
              "title": "Access list",
              "type": "array",
              "items": {
                "$ref": "#/$defs/AccessListEntry"
              }
            },
            "AccessListEntry": {
              "title": "Access list entry",
              "type": "object",
              "additionalProperties": false,
              "required": [
                "address",
                "storageKeys"
              ],
              "properties": {
                "address": {
                  "$ref": "#/$defs/address"
                },
                "storageKeys": {
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/hash32"
                  }
                }
              }
            },
            "AuthorizationList": {
              "title": "Authorization List",
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "chainId": {
                    "title": "chainId",
                    "$ref": "#/$defs/uint"
                  },
                  "nonce": {
                    "title": "nonce",
                    "$ref": "#/$defs/uint"
                  },
                  "address": {
                    "$ref": "#/$defs/address"
                  },
                  "yParity": {
                    "title": "yParity",
                    "$ref": "#/$defs/byte"
                  },
                  "r": {
                    "title": "r",
                    "$ref": "#/$defs/uint256"
                  },
                  "s": {
                    "title": "s",
                    "$ref": "#/$defs/uint256"
                  }
                },
                "required": [
                  "chainId",
                  "nonce",
                  "address",
                  "yParity",
                  "r",
                  "s"
                ]
              }
            },
            "GenericTransaction": {
              "type": "object",
              "title": "Transaction object generic to all types",
              "additionalProperties": false,
              "properties": {
                "type": {
                  "title": "type",
                  "$ref": "#/$defs/byte"
                },
                "nonce": {
                  "title": "nonce",
                  "$ref": "#/$defs/uint"
                },
                "to": {
                  "title": "to address",
                  "oneOf": [
                    {
                      "title": "Contract Creation (null)",
                      "type": "null"
                    },
                    {
                      "title": "Address",
                      "$ref": "#/$defs/address"
                    }
                  ]
                },
                "from": {
                  "title": "from address",
                  "$ref": "#/$defs/address"
                },
                "gas": {
                  "title": "gas limit",
                  "$ref": "#/$defs/uint"
                },
                "value": {
                  "title": "value",
                  "$ref": "#/$defs/uint"
                },
                "input": {
                  "title": "input data",
                  "$ref": "#/$defs/bytes"
                },
                "gasPrice": {
                  "title": "gas price",
                  "$ref": "#/$defs/uint"
                },
                "maxPriorityFeePerGas": {
                  "title": "max priority fee per gas",
                  "$ref": "#/$defs/uint"
                },
                "maxFeePerGas": {
                  "title": "max fee per gas",
                  "$ref": "#/$defs/uint"
                },
                "maxFeePerBlobGas": {
                  "title": "max fee per blob gas",
                  "$ref": "#/$defs/uint"
                },
                "accessList": {
                  "title": "accessList",
                  "$ref": "#/$defs/AccessList"
                },
                "blobVersionedHashes": {
                  "title": "blobVersionedHashes",
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/hash32"
                  }
                },
                "blobs": {
                  "title": "blobs",
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/bytes"
                  }
                },
                "chainId": {
                  "title": "chainId",
                  "$ref": "#/$defs/uint"
                },
                "authorizationList": {
                  "title": "authorizationList",
                  "$ref": "#/$defs/AuthorizationList"
                }
              }
            },
            "address": {
              "title": "hex encoded address",
              "type": "string",
              "pattern": "^0x[0-9a-fA-F]{40}$"
            },
            "byte": {
              "title": "hex encoded byte",
              "type": "string",
              "pattern": "^0x([0-9a-fA-F]?){1,2}$"
            },
            "bytes": {
              "title": "hex encoded bytes",
              "type": "string",
              "pattern": "^0x[0-9a-f]*$"
            },
            "hash32": {
              "title": "32 byte hex value",
              "type": "string",
              "pattern": "^0x[0-9a-f]{64}$"
            },
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            },
            "uint256": {
              "title": "hex encoded 256 bit unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]{0,63})$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Encoded transaction",
      "schema": {
        "$ref": "#/$defs/bytes",
        "$defs": {
          "bytes": {
            "title": "hex encoded bytes",
            "type": "string",
            "pattern": "^0x[0-9a-f]*$"
          }
        }
      }
    }
  },
  "eth_syncing": {
    "params": [],
    "result": {
      "name": "Syncing status",
      "schema": {
        "$ref": "#/$defs/SyncingStatus",
        "$defs": {
          "SyncingStatus": {
            "title": "Syncing status",
            "oneOf": [
              {
                "title": "Syncing progress",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "startingBlock": {
                    "title": "Starting block",
                    "$ref": "#/$defs/uint"
                  },
                  "currentBlock": {
                    "title": "Current block",
                    "$ref": "#/$defs/uint"
                  },
                  "highestBlock": {
                    "title": "Highest block",
                    "$ref": "#/$defs/uint"
                  }
                }
              },
              {
                "title": "Not syncing",
                "type": "boolean"
              }
            ]
          },
          "uint": {
            "title": "hex encoded unsigned integer",
            "type": "string",
            "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
          }
        }
      }
    }
  },
  "eth_uninstallFilter": {
    "params": [
      {
        "name": "Filter identifier",
        "required": false,
        "schema": {
          "$ref": "#/$defs/uint",
          "$defs": {
            "uint": {
              "title": "hex encoded unsigned integer",
              "type": "string",
              "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"
            }
          }
        }
      }
    ],
    "result": {
      "name": "Success",
      "schema": {
        "type": "boolean"
      }
    }
  }
}
