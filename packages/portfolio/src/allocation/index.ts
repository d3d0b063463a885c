export {
  allocateDiscrete,
  DiscreteAllocationOptionsSchema,
  type DiscreteAllocation,
  type DiscreteAllocationInput,
  type DiscreteAllocationOptions,
  type ShareOrder,
} from './allocate-discrete.js';
