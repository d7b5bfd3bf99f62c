// The gateways' interface as GATEWAY-SPEC.md fixes it (issue 6), written out here rather than taken from
// the generated ABIs: the bridge code and the contracts are built against the same text, and a unit test
// checks this against the compiled contracts' ABIs.
import { parseAbi } from 'viem'

/** OriginRoots and CoGateway live at fixed addresses in every aux genesis. */
export const ORIGIN_ROOTS_ADDRESS = '0x0000000000000000000000000000000000001000'
export const CO_GATEWAY_ADDRESS = '0x0000000000000000000000000000000000001001'

/** Errors both gateways (and the proof library they use) revert with. */
export const bridgeErrorsAbi = parseAbi([
  'error UnknownStateRoot(uint256 blockNumber)',
  'error ProofMismatch(uint256 proven, uint256 expected)',
  'error WrongNonce(uint256 expected, uint256 given)',
  'error WrongStatus(bytes32 messageHash, uint8 status)',
  'error InvalidUnlockSecret()',
  'error FeeExceedsAmount(uint256 fee, uint256 amount)',
  'error NotSender()',
  'error WrongValue()',
  'error ZeroAmount()',
  'error TransferFailed()',
  'error UnknownValueToken(address valueToken)',
  'error OnlyCoGateway()',
  'error BadProofNode(uint256 index)',
  'error RootMismatch()',
  'error MissingProofNode(uint256 index)',
  'error UnusedProofNode(uint256 index)',
  'error BadAccount()',
  'error BadStorageValue()',
  'error InsufficientBalance(uint256 balance, uint256 needed)',
  'error InsufficientAllowance(uint256 allowance, uint256 needed)',
  'error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)',
  'error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)',
])

export const gatewayAbi = parseAbi([
  'function stake(address valueToken, uint256 amount, address beneficiary, uint256 feeGasPrice, uint256 feeGasLimit, uint256 nonce, bytes32 hashLock) returns (bytes32 messageHash)',
  'function progressStake(bytes32 messageHash, uint256 auxBlockNumber, bytes[] accountProof, bytes[] storageProof)',
  'function revertStake(bytes32 messageHash)',
  'function progressRevertStake(bytes32 messageHash, uint256 auxBlockNumber, bytes[] accountProof, bytes[] storageProof)',
  'function confirmRedeemIntent(address redeemer, uint256 nonce, address valueToken, uint256 amount, address beneficiary, uint256 feeGasPrice, uint256 feeGasLimit, bytes32 hashLock, uint256 auxBlockNumber, bytes[] accountProof, bytes[] storageProof) returns (bytes32 messageHash)',
  'function progressUnstake(bytes32 messageHash, bytes32 unlockSecret)',
  'function confirmRevertRedeemIntent(bytes32 messageHash, uint256 auxBlockNumber, bytes[] accountProof, bytes[] storageProof)',
  'function outbox(bytes32 messageHash) view returns (uint8)',
  'function inbox(bytes32 messageHash) view returns (uint8)',
  'function nonces(address sender) view returns (uint256)',
  'function baseToken() view returns (address)',
  'function core() view returns (address)',
  'function coGateway() view returns (address)',
  'event StakeDeclared(bytes32 indexed messageHash, address indexed staker, uint256 nonce, address valueToken, uint256 amount, address beneficiary, uint256 feeGasPrice, uint256 feeGasLimit, bytes32 hashLock)',
  'event StakeProgressed(bytes32 indexed messageHash)',
  'event StakeRevocationDeclared(bytes32 indexed messageHash)',
  'event StakeReverted(bytes32 indexed messageHash)',
  'event RedeemConfirmed(bytes32 indexed messageHash, address indexed redeemer, uint256 nonce, address valueToken, uint256 amount, address beneficiary)',
  'event UnstakeProgressed(bytes32 indexed messageHash, address indexed beneficiary, uint256 released, address facilitator, uint256 fee)',
  'event RedeemRevocationConfirmed(bytes32 indexed messageHash)',
])

export const coGatewayAbi = parseAbi([
  'function confirmStakeIntent(address staker, uint256 nonce, address valueToken, uint256 amount, address beneficiary, uint256 feeGasPrice, uint256 feeGasLimit, bytes32 hashLock, uint256 originBlockNumber, bytes[] accountProof, bytes[] storageProof) returns (bytes32 messageHash)',
  'function progressMint(bytes32 messageHash, bytes32 unlockSecret)',
  'function redeem(address valueToken, uint256 amount, address beneficiary, uint256 feeGasPrice, uint256 feeGasLimit, uint256 nonce, bytes32 hashLock) payable returns (bytes32 messageHash)',
  'function progressRedeem(bytes32 messageHash, uint256 originBlockNumber, bytes[] accountProof, bytes[] storageProof)',
  'function revertRedeem(bytes32 messageHash)',
  'function progressRevertRedeem(bytes32 messageHash, uint256 originBlockNumber, bytes[] accountProof, bytes[] storageProof)',
  'function confirmRevertStakeIntent(bytes32 messageHash, uint256 originBlockNumber, bytes[] accountProof, bytes[] storageProof)',
  'function outbox(bytes32 messageHash) view returns (uint8)',
  'function inbox(bytes32 messageHash) view returns (uint8)',
  'function nonces(address sender) view returns (uint256)',
  'function gateway() view returns (address)',
  'function baseToken() view returns (address)',
  'function utilityTokenOf(address valueToken) view returns (address)',
  'event StakeConfirmed(bytes32 indexed messageHash, address indexed staker, uint256 nonce, address valueToken, uint256 amount, address beneficiary)',
  'event MintProgressed(bytes32 indexed messageHash, address indexed beneficiary, uint256 minted, address facilitator, uint256 fee)',
  'event RedeemDeclared(bytes32 indexed messageHash, address indexed redeemer, uint256 nonce, address valueToken, uint256 amount, address beneficiary, uint256 feeGasPrice, uint256 feeGasLimit, bytes32 hashLock)',
  'event RedeemProgressed(bytes32 indexed messageHash)',
  'event RedeemRevocationDeclared(bytes32 indexed messageHash)',
  'event RedeemReverted(bytes32 indexed messageHash)',
  'event StakeRevocationConfirmed(bytes32 indexed messageHash)',
])

export const originRootsAbi = parseAbi([
  'function latestBlockNumber() view returns (uint256)',
  'function stateRoot(uint256 originBlockNumber) view returns (bytes32)',
])

/** The part of Core the bridge reads: which aux blocks the origin trusts. */
export const coreRootsAbi = parseAbi([
  'function latestCommit() view returns (uint256 kernelHeight, uint256 auxBlockNumber, bytes32 auxBlockHash, bytes32 auxStateRoot)',
  'function auxStateRoot(uint256 auxBlockNumber) view returns (bytes32)',
])

export const erc20Abi = parseAbi([
  'function balanceOf(address owner) view returns (uint256)',
  'function allowance(address owner, address spender) view returns (uint256)',
  'function approve(address spender, uint256 amount) returns (bool)',
  'function totalSupply() view returns (uint256)',
  'function decimals() view returns (uint8)',
  'function symbol() view returns (string)',
])
