import type { SeedLedger } from '../types';
import { citizenCommunication } from './citizen-communication-2018';
import { ecommerceCenter } from './ecommerce-center';
import { planningOffice } from './planning-office-2020';

export { citizenCommunication, ecommerceCenter, planningOffice };

/** Every seed ledger transcribed from shared/seeds/, in source order (003, 000, 004). */
export const allSeedLedgers: SeedLedger[] = [citizenCommunication, ecommerceCenter, planningOffice];
