import { describe, expect, it } from '@jest/globals';
import { privateSubnetCidr, publicSubnetCidr, validateVpcCidr } from './subnet-cidrs.ts';

describe('subnet CIDRs', () => {
  it('gives public subnets the first sixteenths of the VPC and private ones the second half', () => {
    expect([0, 1, 2].map((zone) => publicSubnetCidr('10.0.0.0/16', zone))).toEqual([
      '10.0.0.0/20',
      '10.0.16.0/20',
      '10.0.32.0/20',
    ]);
    expect([0, 1].map((zone) => privateSubnetCidr('10.0.0.0/16', zone))).toEqual([
      '10.0.128.0/20',
      '10.0.144.0/20',
    ]);
  });

  it('splits small VPCs the same way', () => {
    expect(publicSubnetCidr('192.168.4.0/24', 1)).toBe('192.168.4.16/28');
    expect(privateSubnetCidr('192.168.4.0/24', 7)).toBe('192.168.4.240/28');
  });

  it.each([
    ['10.0.0.0', 'is not an IPv4 CIDR block'],
    ['10.0.0.300/16', 'is not an IPv4 CIDR block'],
    ['10.0.0.0/8', 'between /16 and /24'],
    ['10.0.0.0/26', 'between /16 and /24'],
    ['10.0.1.0/16', 'has host bits set'],
  ])('refuses %s', (cidr, message) => {
    expect(validateVpcCidr(cidr)).toEqual([expect.stringContaining(message)]);
  });

  it('accepts an aligned block', () => {
    expect(validateVpcCidr('172.16.0.0/20')).toEqual([]);
  });
});
