import { render, screen } from '@testing-library/react'
import Index from '@/pages/index/index'

test('home renders', async () => {
  render(<Index />)
  expect(await screen.findByText('护童登记')).toBeTruthy()
})
