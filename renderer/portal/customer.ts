import { createContext, useContext } from 'react';
import type { Customer } from '../../shared/model/index.ts';

/** The signed-in customer, provided once by the portal's session gate. */
export const CustomerContext = createContext<Customer | null>(null);

/** The signed-in customer; only rendered below the session gate. */
export function useCustomer(): Customer {
  const customer = useContext(CustomerContext);
  if (customer === null) throw new Error('useCustomer outside CustomerContext');
  return customer;
}
